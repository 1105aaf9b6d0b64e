package dev.socratic.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Bot API server on loopback for tests: it queues updates for getUpdates, records every call,
 * and can answer the next sends with errors (429, 5xx). Calls come as JSON or, for uploads such as
 * sendPhoto, as multipart/form-data: then the text fields are recorded as the body and the files apart.
 */
final class FakeBotApi implements AutoCloseable {

    record Call(String method, JsonNode body, Map<String, byte[]> files) {
        String text() {
            return body.path("text").asText();
        }

        String caption() {
            return body.path("caption").asText();
        }

        byte[] file(String field) {
            return files.get(field);
        }

        long chatId() {
            return body.path("chat_id").asLong();
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final String token;
    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final Deque<String> sendFailures = new ArrayDeque<>();
    private final AtomicInteger messageIds = new AtomicInteger(1000);
    private final List<String> requestPaths = new ArrayList<>();

    FakeBotApi(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void pushText(int updateId, long userId, String text) {
        var update = json.createObjectNode().put("update_id", updateId);
        var message = update.putObject("message")
                .put("message_id", updateId)
                .put("date", Instant.now().getEpochSecond())
                .put("text", text);
        message.putObject("chat").put("id", userId).put("type", "private");
        message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "Learner");
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", end);
        }
        updates.add(update);
        notifyAll();
    }

    synchronized void pushButton(int updateId, long userId, String data) {
        var update = json.createObjectNode().put("update_id", updateId);
        var query = update.putObject("callback_query").put("id", "cb" + updateId).put("data", data)
                .put("chat_instance", "1");
        query.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "Learner");
        var message = query.putObject("message").put("message_id", 1).put("date", Instant.now().getEpochSecond());
        message.putObject("chat").put("id", userId).put("type", "private");
        updates.add(update);
        notifyAll();
    }

    /** The next {@code count} sendMessage calls fail with this HTTP status (429 carries retry_after 1). */
    synchronized void failNextSends(int count, int status) {
        for (int i = 0; i < count; i++) {
            sendFailures.add(Integer.toString(status));
        }
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    List<String> textsTo(long chatId) {
        return calls("sendMessage").stream().filter(c -> c.chatId() == chatId).map(Call::text).toList();
    }

    List<Call> photosTo(long chatId) {
        return calls("sendPhoto").stream().filter(c -> c.chatId() == chatId).toList();
    }

    /** sendMessage and sendPhoto calls to a chat, in the order they arrived. */
    synchronized List<Call> sendsTo(long chatId) {
        return calls.stream()
                .filter(c -> c.method().equals("sendmessage") || c.method().equals("sendphoto"))
                .filter(c -> c.chatId() == chatId)
                .toList();
    }

    synchronized List<String> requestPaths() {
        return List.copyOf(requestPaths);
    }

    /** Waits until the calls satisfy {@code condition}; returns whether they did in time. */
    synchronized boolean await(Predicate<FakeBotApi> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var body = exchange.getRequestBody().readAllBytes();
            synchronized (this) {
                requestPaths.add(path);
            }
            var prefix = "/bot" + token + "/";
            int at = path.indexOf(prefix);
            if (at < 0) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            var method = path.substring(at + prefix.length()).toLowerCase(Locale.ROOT);
            var contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            var files = new HashMap<String, byte[]>();
            JsonNode request = contentType != null && contentType.startsWith("multipart/form-data")
                    ? multipart(body, contentType, files)
                    : body.length == 0 ? json.createObjectNode() : json.readTree(body);
            if (method.equals("getupdates")) {
                respond(exchange, 200, "{\"ok\":true,\"result\":" + takeUpdates(request.path("offset").asLong()) + "}");
                return;
            }
            String failure;
            synchronized (this) {
                failure = method.equals("sendmessage") ? sendFailures.poll() : null;
                if (failure == null) {
                    calls.add(new Call(method, request, Map.copyOf(files)));
                    notifyAll();
                }
            }
            if (failure != null) {
                int status = Integer.parseInt(failure);
                var parameters = status == 429 ? ",\"parameters\":{\"retry_after\":1}" : "";
                respond(exchange, status, "{\"ok\":false,\"error_code\":" + status
                        + ",\"description\":\"fake failure\"" + parameters + "}");
                return;
            }
            respond(exchange, 200, "{\"ok\":true,\"result\":" + result(method, request) + "}");
        }
    }

    private String result(String method, JsonNode request) {
        if (!method.equals("sendmessage") && !method.equals("sendphoto")) {
            return "true";
        }
        var message = json.createObjectNode()
                .put("message_id", messageIds.incrementAndGet())
                .put("date", Instant.now().getEpochSecond());
        if (method.equals("sendmessage")) {
            message.put("text", request.path("text").asText());
        } else {
            message.put("caption", request.path("caption").asText());
            message.putArray("photo").addObject().put("file_id", "photo" + messageIds.get())
                    .put("file_unique_id", "u" + messageIds.get()).put("width", 1).put("height", 1);
        }
        message.putObject("chat").put("id", request.path("chat_id").asLong()).put("type", "private");
        return message.toString();
    }

    /**
     * Reads a multipart/form-data body: text fields into a JSON object (as the JSON calls would
     * carry them), files into {@code files} under the field that names them: the client uploads a
     * file as its own part and sets e.g. {@code photo} to {@code attach://<part name>}.
     */
    private ObjectNode multipart(byte[] body, String contentType, Map<String, byte[]> files) {
        var fields = json.createObjectNode();
        var boundaryAt = contentType.indexOf("boundary=");
        var boundary = ("--" + contentType.substring(boundaryAt + "boundary=".length()).replace("\"", ""))
                .getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, boundary, 0);
        while (at >= 0) {
            int start = at + boundary.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2; // CRLF after the boundary
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(body, boundary, headersEnd);
            var headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            var content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2); // CRLF before the boundary
            var name = attribute(headers, "name");
            if (headers.contains("filename=")) {
                files.put(name, content);
            } else {
                fields.put(name, new String(content, StandardCharsets.UTF_8));
            }
            at = next;
        }
        var parts = Map.copyOf(files);
        fields.properties().forEach(field -> {
            var value = field.getValue().asText();
            if (value.startsWith("attach://") && parts.containsKey(value.substring("attach://".length()))) {
                files.put(field.getKey(), parts.get(value.substring("attach://".length())));
            }
        });
        return fields;
    }

    private static String attribute(String headers, String attribute) {
        var marker = " " + attribute + "=\"";
        int from = headers.indexOf(marker) + marker.length();
        return headers.substring(from, headers.indexOf('"', from));
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private synchronized String takeUpdates(long offset) throws IOException {
        long deadline = System.currentTimeMillis() + 200;
        while (true) {
            var pending = updates.stream().filter(u -> u.path("update_id").asLong() >= offset).toList();
            if (!pending.isEmpty() || System.currentTimeMillis() >= deadline) {
                return json.writeValueAsString(pending);
            }
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
