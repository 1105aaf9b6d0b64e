package dev.socratic.render;

import dev.socratic.tutor.DiagramRenderer.Drawn;
import dev.socratic.tutor.DiagramRenderer.Invalid;
import dev.socratic.tutor.DiagramRenderer.Result;
import dev.socratic.tutor.DiagramRenderer.Unavailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real Mermaid in real node and Chromium: skipped only on a host without them (see .ci/run). */
class MermaidRendererTest {

    private static final Path SCRIPTS = Path.of("scripts/render-diagrams");
    private static final String FLOWCHART = """
            graph TD
              client[Client] --> lb[Load balancer]
              lb --> a[App server A]
              lb --> b[App server B]
            """;
    private static final String SEQUENCE = """
            sequenceDiagram
              participant C as Client
              participant S as Server
              C->>S: GET /items
              S-->>C: 200 OK
            """;

    private static MermaidRenderer shared;

    @BeforeAll
    static void startRenderer() {
        shared = MermaidRenderer.onHost(SCRIPTS).orElse(null);
    }

    @AfterAll
    static void stopRenderer() {
        if (shared != null) {
            shared.close();
        }
    }

    private static MermaidRenderer shared() {
        assumeTrue(shared != null, "no Mermaid renderer on this host (node, chromium, npm ci in scripts/render-diagrams)");
        return shared;
    }

    /** A renderer of its own, for tests that kill or close it. */
    private static MermaidRenderer fresh() {
        var renderer = MermaidRenderer.onHost(SCRIPTS);
        assumeTrue(renderer.isPresent(), "no Mermaid renderer on this host");
        return renderer.get();
    }

    private static Png drawnPicture(Result result) {
        assertThat(result).isInstanceOf(Drawn.class);
        return Png.read(((Drawn) result).image().png()).orElseThrow();
    }

    @Test
    void drawsAFlowchartAsAPngOfSensibleSize() {
        var png = drawnPicture(shared().render(FLOWCHART));

        assertThat(png.width()).isBetween(200, 4_000);
        assertThat(png.height()).isBetween(200, 4_000);
        assertThat(png.fitsTelegram()).isTrue();
    }

    @Test
    void drawsASequenceDiagram() {
        var png = drawnPicture(shared().render(SEQUENCE));

        assertThat(png.width()).isBetween(200, 4_000);
        assertThat(png.height()).isBetween(100, 4_000);
    }

    @Test
    void aSyntaxErrorIsInvalidWithMermaidsReasonOnOneLine() {
        var result = shared().render("graph TD\n  a[Client] --> b[Server\n");

        assertThat(result).isInstanceOf(Invalid.class);
        var reason = ((Invalid) result).reason();
        assertThat(reason).contains("Parse error on line").contains("Expecting").doesNotContain("\n");
        assertThat(reason).doesNotContain("mermaid-cli-intercept").hasSizeLessThanOrEqualTo(300);
    }

    @Test
    void textThatIsNoDiagramIsInvalid() {
        var result = shared().render("Here is how a load balancer works.");

        assertThat(result).isInstanceOf(Invalid.class);
        assertThat(((Invalid) result).reason()).contains("No diagram type detected");
    }

    @Test
    void clickLinesAreRefused() {
        var result = shared().render(FLOWCHART + "  click client call alert(\"hi\")\n");

        assertThat(result).isEqualTo(new Invalid("click lines are not allowed"));
    }

    @Test
    void initDirectivesAreRefused() {
        var result = shared().render("%%{init: {\"securityLevel\": \"loose\"}}%%\n" + FLOWCHART);

        assertThat(result).isEqualTo(new Invalid("%%{init} directives are not allowed"));
    }

    @Test
    void configInFrontMatterIsRefused() {
        var result = shared().render("---\nconfig:\n  securityLevel: loose\n---\n" + FLOWCHART);

        assertThat(result).isEqualTo(new Invalid("a config block in front matter is not allowed"));
        assertThat(shared().render("---\n{title: x, config: {securityLevel: loose}}\n---\n" + FLOWCHART))
                .isEqualTo(new Invalid("a config block in front matter is not allowed"));
    }

    @Test
    void aTitleInFrontMatterIsFine() {
        drawnPicture(shared().render("---\ntitle: Load balancing\n---\n" + FLOWCHART));
    }

    @Test
    void aLabelCannotMakeTheBrowserCallAnything() throws Exception {
        var calls = new AtomicInteger();
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            var url = "http://127.0.0.1:" + server.getAddress().getPort() + "/secret";
            shared().render("graph TD\n  a[\"<img src='" + url + "'>\"] --> b\n");
            shared().render(FLOWCHART); // the page of the first diagram is closed by now

            assertThat(calls).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anOversizeSourceIsInvalidWithoutStartingNode() {
        var renderer = fresh();
        try {
            var longLabel = "graph TD\n  a[" + "x".repeat(MermaidRenderer.MAX_CHARS) + "] --> b\n";
            var manyLines = "graph TD\n" + IntStream.range(0, MermaidRenderer.MAX_LINES)
                    .mapToObj(i -> "  n" + i + " --> n" + (i + 1)).collect(Collectors.joining("\n"));

            assertThat(renderer.render(longLabel)).isInstanceOf(Invalid.class)
                    .extracting(result -> ((Invalid) result).reason()).asString().contains("characters");
            assertThat(renderer.render(manyLines)).isInstanceOf(Invalid.class)
                    .extracting(result -> ((Invalid) result).reason()).asString().contains("lines");
            assertThat(renderer.processHandle()).isEmpty();
        } finally {
            renderer.close();
        }
    }

    @Test
    void aKilledRendererIsReplacedOnTheNextDiagramAndItsBrowserDoesNotLinger() {
        var renderer = fresh();
        try {
            drawnPicture(renderer.render(FLOWCHART));
            var node = renderer.processHandle().orElseThrow();
            var family = node.descendants().toList();
            assertThat(family).isNotEmpty();

            node.destroyForcibly();
            node.onExit().join();

            drawnPicture(renderer.render(SEQUENCE));
            assertThat(renderer.processHandle()).get().isNotEqualTo(node);
            assertThat(family).noneMatch(ProcessHandle::isAlive);
        } finally {
            renderer.close();
        }
    }

    @Test
    void closeEndsNodeAndEveryProcessItStarted() {
        var renderer = fresh();
        drawnPicture(renderer.render(FLOWCHART));
        var node = renderer.processHandle().orElseThrow();
        var family = new ArrayList<>(node.descendants().toList());
        assertThat(family).anyMatch(process -> process.info().command().orElse("").contains("chrom"));
        family.add(node);

        renderer.close();

        assertThat(family).noneMatch(ProcessHandle::isAlive);
        assertThat(renderer.render(FLOWCHART)).isInstanceOf(Unavailable.class);
    }

    @Test
    void fourThreadsDrawingAtOnceAllGetTheirPicture() throws Exception {
        var renderer = shared();
        var sources = List.of(FLOWCHART, SEQUENCE, "graph LR\n  a --> b\n", "pie title Pets\n  \"Dogs\" : 3\n  \"Cats\" : 2\n");
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(sources.size())) {
            var answers = new ArrayList<Future<Result>>();
            for (var source : sources) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return renderer.render(source);
                }));
            }
            start.countDown();
            for (var answer : answers) {
                drawnPicture(answer.get());
            }
        }
    }

    @Test
    void aFolderWithoutNodeModulesHasNoRenderer(@TempDir Path folder) throws Exception {
        Files.copy(SCRIPTS.resolve("serve.mjs"), folder.resolve("serve.mjs"));

        assertThat(MermaidRenderer.onHost(folder)).isEmpty();
    }

    @Test
    void nodeMustBeAtLeast18Point19() {
        assertThat(MermaidRenderer.supportsNode("v18.19.0")).isTrue();
        assertThat(MermaidRenderer.supportsNode("v20.20.2")).isTrue();
        assertThat(MermaidRenderer.supportsNode("v18.18.2")).isFalse();
        assertThat(MermaidRenderer.supportsNode("v9.11.0")).isFalse();
        assertThat(MermaidRenderer.supportsNode("command not found")).isFalse();
    }
}
