package dev.socratic.bench;

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
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A Bot API server on loopback, for the tests and the benchmark: it hands out queued updates
 * through getUpdates (forgetting those the bot confirmed, as Telegram does), records every call,
 * and can refuse sends with 429 or 5xx, the next few or a share of them.
 */
public final class LocalBotApi implements AutoCloseable {

    /** One call the bot made, with the time it arrived and any uploaded files by field (photo…). */
    public record Call(String method, JsonNode body, long nanoTime, Map<String, byte[]> files) {
        /** The message's text, or a photo's caption. */
        public String text() {
            return body.path("text").asText(body.path("caption").asText());
        }

        public String caption() {
            return body.path("caption").asText();
        }

        public byte[] file(String field) {
            return files.get(field);
        }

        public long chatId() {
            return body.path("chat_id").asLong();
        }
    }

    private static final int MAX_UPDATES_PER_POLL = 100;
    /** In the queue of scripted send failures: this send goes through. */
    private static final int PASS = 0;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String token;
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();
    private final ConcurrentHashMap<Long, List<Call>> sendsByChat = new ConcurrentHashMap<>();
    private final Deque<Integer> sendFailures = new ArrayDeque<>();
    private final AtomicInteger messageIds = new AtomicInteger(1000);
    private final AtomicLong refused = new AtomicLong();
    private int lastUpdateId;
    private final List<String> requestPaths = new ArrayList<>();
    private Random failureDice = new Random(0);
    private double share429;
    private double share5xx;

    public LocalBotApi(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues a text message from {@code userId}; returns its update id. */
    public synchronized int pushText(long userId, String text) {
        int updateId = nextUpdateId();
        var update = json.createObjectNode().put("update_id", updateId);
        var message = update.putObject("message");
        fillMessage(message, updateId, userId).put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", end);
        }
        push(update);
        return updateId;
    }

    /** Queues a press on an inline button carrying {@code data}; returns its update id. */
    public synchronized int pushButton(long userId, String data) {
        int updateId = nextUpdateId();
        var update = json.createObjectNode().put("update_id", updateId);
        var query = update.putObject("callback_query").put("id", "cb" + updateId).put("data", data)
                .put("chat_instance", "1");
        query.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "Learner");
        var message = query.putObject("message").put("message_id", 1).put("date", Instant.now().getEpochSecond());
        message.putObject("chat").put("id", userId).put("type", "private");
        push(update);
        return updateId;
    }

    /** Any other update, written as Telegram would send it (an edit, a sticker, a chat member change…); its id is set here. */
    public synchronized int pushRaw(ObjectNode update) {
        int updateId = nextUpdateId();
        update.put("update_id", updateId);
        push(update);
        return updateId;
    }

    /** Telegram numbers updates in the order they arrive; callers on many threads cannot. */
    private int nextUpdateId() {
        return ++lastUpdateId;
    }

    /** A message object with the fields every message has; callers add text, sticker, photo… */
    public ObjectNode fillMessage(ObjectNode message, int messageId, long userId) {
        message.put("message_id", messageId).put("date", Instant.now().getEpochSecond());
        message.putObject("chat").put("id", userId).put("type", "private");
        message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "Learner");
        return message;
    }

    public ObjectMapper json() {
        return json;
    }

    private void push(ObjectNode update) {
        updates.add(update);
        notifyAll();
    }

    /** The next {@code count} sendMessage calls fail with this HTTP status (429 carries retry_after 1). */
    public synchronized void failNextSends(int count, int status) {
        for (int i = 0; i < count; i++) {
            sendFailures.add(status);
        }
    }

    /** The next {@code passes} sends go through, then one fails with this HTTP status: a long message's later part, say. */
    public synchronized void failSendAfter(int passes, int status) {
        for (int i = 0; i < passes; i++) {
            sendFailures.add(PASS);
        }
        sendFailures.add(status);
    }

    /** From now on refuse this share of sends with 429 (retry_after 1) and that share with 502. */
    public synchronized void failShareOfSends(double tooManyRequests, double serverErrors, long seed) {
        this.share429 = tooManyRequests;
        this.share5xx = serverErrors;
        this.failureDice = new Random(seed);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    public List<Call> photosTo(long chatId) {
        return calls("sendPhoto").stream().filter(c -> c.chatId() == chatId).toList();
    }

    /** sendMessage and sendPhoto calls to a chat, in the order they arrived. */
    public List<Call> sendsTo(long chatId) {
        var sends = sendsByChat.getOrDefault(chatId, List.of());
        synchronized (sends) {
            return List.copyOf(sends);
        }
    }

    /** The texts of sendMessage calls to one chat, in order. */
    public List<String> textsTo(long chatId) {
        return sendsTo(chatId).stream().filter(c -> c.method().equals("sendmessage")).map(Call::text).toList();
    }

    /** How many messages one chat has received so far. */
    public int countTo(long chatId) {
        var sends = sendsByChat.get(chatId);
        if (sends == null) {
            return 0;
        }
        synchronized (sends) {
            return sends.size();
        }
    }

    /** Waits until chat {@code chatId} has received more than {@code count} messages; returns the next one or null. */
    public Call awaitSendTo(long chatId, int count, Duration timeout) throws InterruptedException {
        var sends = sendsByChat.computeIfAbsent(chatId, id -> new ArrayList<>());
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (sends) {
            while (sends.size() <= count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                sends.wait(Math.max(1, left / 1_000_000));
            }
            return sends.get(count);
        }
    }

    public long refusedSends() {
        return refused.get();
    }

    public synchronized List<String> requestPaths() {
        return List.copyOf(requestPaths);
    }

    /** Waits until the calls satisfy {@code condition}; returns whether they did in time. */
    public synchronized boolean await(Predicate<LocalBotApi> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, Math.min(50, left / 1_000_000)));
        }
        return true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var body = exchange.getRequestBody().readAllBytes();
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
            Integer failure = record(path, method, request, Map.copyOf(files));
            if (failure != null) {
                refused.incrementAndGet();
                var parameters = failure == 429 ? ",\"parameters\":{\"retry_after\":1}" : "";
                respond(exchange, failure, "{\"ok\":false,\"error_code\":" + failure
                        + ",\"description\":\"refused by the local Bot API\"" + parameters + "}");
                return;
            }
            respond(exchange, 200, "{\"ok\":true,\"result\":" + result(method, request) + "}");
        }
    }

    /** Records a call unless it is to fail; returns the failure status, if any. */
    private synchronized Integer record(String path, String method, JsonNode request, Map<String, byte[]> files) {
        requestPaths.add(path);
        boolean send = method.equals("sendmessage") || method.equals("sendphoto");
        Integer failure = send ? sendFailures.poll() : null;
        if (failure != null && failure == PASS) {
            failure = null;
        } else if (failure == null && send && (share429 > 0 || share5xx > 0)) {
            double roll = failureDice.nextDouble();
            failure = roll < share429 ? Integer.valueOf(429) : roll < share429 + share5xx ? Integer.valueOf(502) : null;
        }
        if (failure != null) {
            return failure;
        }
        var call = new Call(method, request, System.nanoTime(), files);
        calls.add(call);
        if (send) {
            var sends = sendsByChat.computeIfAbsent(call.chatId(), id -> new ArrayList<>());
            synchronized (sends) {
                sends.add(call);
                sends.notifyAll();
            }
        }
        notifyAll();
        return null;
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
        // as Telegram does: asking from an offset confirms, and forgets, every earlier update
        while (!updates.isEmpty() && updates.peekFirst().path("update_id").asLong() < offset) {
            updates.pollFirst();
        }
        long deadline = System.currentTimeMillis() + 200;
        while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        var batch = json.createArrayNode();
        var iterator = updates.iterator();
        while (iterator.hasNext() && batch.size() < MAX_UPDATES_PER_POLL) {
            batch.add(iterator.next());
        }
        return batch.toString();
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
        executor.shutdownNow();
    }
}
