package dev.socratic.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local stand-in for an OpenAI-compatible server ({@code POST /v1/chat/completions}), driven by
 * the test: each request gets the reply the responder picks for it, be it a draft, an error
 * status, a hang, or a body that is not what the client expects. Every request body is kept.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** What the server does with one request. */
    public sealed interface Reply {
    }

    /** A well-formed completion whose content is {@code text} (which may be empty). */
    public record Draft(String text) implements Reply {
    }

    public record Status(int code, String body) implements Reply {
    }

    /** Sends nothing until the test ends. */
    public record Hang() implements Reply {
    }

    /** A 200 with this body as is. */
    public record Raw(String body) implements Reply {
    }

    /** One request as the server saw it. */
    public record Request(String body, String model, int maxTokens, String system, String lastUser) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> responder = request -> new Draft("Where does the list live, do you think?");

    public FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public void respondWith(Function<Request, Reply> responder) {
        this.responder = responder;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var request = parse(body);
            requests.add(request);
            switch (responder.apply(request)) {
                case Draft draft -> send(exchange, 200, completion(draft.text()));
                case Status status -> send(exchange, status.code(), status.body());
                case Raw raw -> send(exchange, 200, raw.body());
                case Hang hang -> {
                    try {
                        released.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    private static Request parse(String body) throws IOException {
        String system = "";
        String lastUser = "";
        var root = JSON.readTree(body);
        for (var message : root.path("messages")) {
            var role = message.path("role").asText();
            if (role.equals("system")) {
                system = message.path("content").asText();
            } else if (role.equals("user")) {
                lastUser = message.path("content").asText();
            }
        }
        return new Request(body, root.path("model").asText(), root.path("max_tokens").asInt(), system, lastUser);
    }

    private static String completion(String text) throws IOException {
        var root = JSON.createObjectNode()
                .put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1_767_600_000L)
                .put("model", "gpt-4o-mini");
        var choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        root.putObject("usage").put("prompt_tokens", 0).put("completion_tokens", 0).put("total_tokens", 0);
        return JSON.writeValueAsString(root);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
