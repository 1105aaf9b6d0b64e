package dev.socratic.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socratic.tutor.DiagramRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Draws Mermaid written at run time with real Mermaid: a long-lived {@code node serve.mjs}
 * (scripts/render-diagrams) driving one headless Chromium. Diagrams are drawn one at a time; a
 * few callers may wait their turn, more are told the renderer is busy. A renderer that hangs is
 * killed and one that died is started afresh on the next diagram, with a growing pause between
 * attempts when it keeps failing. Thread-safe; {@link #render} never throws.
 */
public final class MermaidRenderer implements DiagramRenderer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MermaidRenderer.class);
    /** Longer diagrams are unreadable on a phone, and cost the browser seconds. */
    /** Callers that may wait for their turn while one diagram is being drawn. */
    static final int WAITING = 4;
    private static final Duration FIRST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(60);
    /** How long a render waits for the diagrams before it. */
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int MAX_REASON = 300;
    private static final Pattern NODE_VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\..*");

    private final List<String> command;
    private final Path folder;
    private final Clock clock;
    private final Duration firstTimeout;
    private final Duration timeout;
    private final ReentrantLock turn = new ReentrantLock(true);
    private final Semaphore places = new Semaphore(1 + WAITING);
    private volatile MermaidProcess process; // replaced under turn; read by close() without it
    private volatile boolean closed;
    private int failures; // in a row, under turn
    private Instant lastFailure = Instant.MIN;
    private long lastId;

    MermaidRenderer(List<String> command, Path folder, Clock clock, Duration firstTimeout, Duration timeout) {
        this.command = List.copyOf(command);
        this.folder = folder;
        this.clock = clock;
        this.firstTimeout = firstTimeout;
        this.timeout = timeout;
    }

    /**
     * The renderer, when this host has what it needs: Node.js >= 18.19 on the PATH, Chromium (at
     * {@code CHROMIUM}, else /usr/bin/chromium), and {@code serve.mjs} with its node_modules in
     * {@code scriptFolder}. Starts nothing.
     */
    public static Optional<MermaidRenderer> onHost(Path scriptFolder) {
        var missing = missing(scriptFolder);
        if (missing.isPresent()) {
            log.info("no run-time diagram renderer: {}", missing.get());
            return Optional.empty();
        }
        var node = executableOnPath("node").orElseThrow();
        return Optional.of(new MermaidRenderer(List.of(node.toString(), "serve.mjs"), scriptFolder.toAbsolutePath(),
                Clock.systemUTC(), FIRST_TIMEOUT, TIMEOUT));
    }

    private static Optional<String> missing(Path folder) {
        if (!Files.isRegularFile(folder.resolve("serve.mjs"))) {
            return Optional.of("no " + folder.resolve("serve.mjs"));
        }
        if (!Files.isDirectory(folder.resolve("node_modules"))) {
            return Optional.of("no " + folder.resolve("node_modules") + " (run npm ci there, or scripts/render-diagrams.sh --check)");
        }
        var chromium = Optional.ofNullable(System.getenv("CHROMIUM")).orElse("/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            return Optional.of("no Chromium at " + chromium + " (set CHROMIUM)");
        }
        var node = executableOnPath("node");
        if (node.isEmpty()) {
            return Optional.of("no node on the PATH");
        }
        var version = nodeVersion(node.get());
        if (!supportsNode(version)) {
            return Optional.of("Node.js " + version + " is too old (18.19 or newer is needed)");
        }
        return Optional.empty();
    }

    static Optional<Path> executableOnPath(String name) {
        var path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (var dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                var candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String nodeVersion(Path node) {
        try {
            var process = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "(no answer to --version)";
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    /** Whether {@code node --version} printed 18.19 or newer: puppeteer 24 needs it. */
    static boolean supportsNode(String version) {
        var matcher = NODE_VERSION.matcher(version);
        if (!matcher.matches()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        return major > 18 || major == 18 && minor >= 19;
    }

    /** Starts node and its browser in the background, so that the first diagram does not wait for them. */
    public void warmUp() {
        Thread.ofVirtual().name("mermaid-warm-up").start(() -> {
            turn.lock();
            try {
                if (!closed && process == null && pauseLeft().isZero()) {
                    process = MermaidProcess.start(command, folder);
                }
            } catch (IOException e) {
                failed("could not start node: " + e.getMessage());
            } finally {
                turn.unlock();
            }
        });
    }

    @Override
    public Result render(String source) {
        if (source == null || source.isBlank()) {
            return new Invalid("the diagram is empty");
        }
        if (source.length() > MAX_CHARS) {
            return new Invalid("the diagram is too long: " + source.length() + " characters (at most " + MAX_CHARS + ")");
        }
        long lines = source.lines().count();
        if (lines > MAX_LINES) {
            return new Invalid("the diagram is too long: " + lines + " lines (at most " + MAX_LINES + ")");
        }
        if (!places.tryAcquire()) {
            return new Unavailable("busy");
        }
        try {
            // a learner's turn does not wait long behind other diagrams: better words now than a picture later
            if (!turn.tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Unavailable("busy");
            }
            try {
                return closed ? new Unavailable("the diagram renderer is closed") : draw(source);
            } finally {
                turn.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        } catch (RuntimeException e) {
            log.warn("the diagram renderer failed", e);
            return new Unavailable("the diagram renderer failed: " + e);
        } finally {
            places.release();
        }
    }

    /** Under {@link #turn}. */
    private Result draw(String source) throws InterruptedException {
        var current = process;
        if (current != null && !current.isAlive()) {
            current.kill(); // its browser, should it have outlived node
            process = current = null;
            failed("the diagram renderer had stopped");
        }
        if (current == null) {
            var pause = pauseLeft();
            if (!pause.isZero()) {
                return new Unavailable("the diagram renderer keeps failing; next attempt in "
                        + Math.max(1, pause.toSeconds()) + " s");
            }
            try {
                process = current = MermaidProcess.start(command, folder);
            } catch (IOException e) {
                failed("could not start node: " + e.getMessage());
                return new Unavailable("the diagram renderer could not start");
            }
        }
        var limit = current.isReady() ? timeout : firstTimeout;
        JsonNode answer;
        try {
            answer = current.ask(++lastId, source, limit);
        } catch (TimeoutException e) {
            current.kill();
            process = null;
            failed("no answer within " + limit.toSeconds() + " s; killed it");
            return new Unavailable("the diagram renderer took longer than " + limit.toSeconds() + " s");
        } catch (IOException e) {
            current.kill();
            process = null;
            failed(e.getMessage());
            return new Unavailable("the diagram renderer stopped");
        }
        return result(answer);
    }

    private Result result(JsonNode answer) {
        if (answer.hasNonNull("png")) {
            var png = Base64.getDecoder().decode(answer.get("png").asText());
            if (Png.read(png).isEmpty()) {
                return new Unavailable("the diagram renderer answered with something that is not a PNG");
            }
            failures = 0;
            return Drawn.png(png);
        }
        if (answer.hasNonNull("invalid")) {
            failures = 0;
            return new Invalid(oneLine(answer.get("invalid").asText()));
        }
        var error = oneLine(answer.path("error").asText("no answer"));
        log.warn("the diagram renderer failed: {}", error);
        return new Unavailable(error);
    }

    private static String oneLine(String text) {
        var line = text.replaceAll("\\s+", " ").strip();
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON - 1) + "…" : line;
    }

    /** Under {@link #turn}. */
    private void failed(String why) {
        failures++;
        lastFailure = clock.instant();
        if (closed) {
            return; // closing ends the process on purpose
        }
        log.warn("diagram renderer: {} ({} failure(s) in a row)", why, failures);
    }

    /**
     * How long to wait before starting node again: nothing after one failure (a crash or a kill
     * should cost one diagram, not more), then 1, 2, 4 ... up to 60 s, so that a host where it
     * always fails does not start a process for every message. Under {@link #turn}.
     */
    private Duration pauseLeft() {
        if (failures < 2) {
            return Duration.ZERO;
        }
        var pause = Duration.ofSeconds(1L << Math.min(failures - 2, 6));
        if (pause.compareTo(MAX_PAUSE) > 0) {
            pause = MAX_PAUSE;
        }
        var left = Duration.between(clock.instant(), lastFailure.plus(pause));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The running node process, for tests. */
    Optional<ProcessHandle> processHandle() {
        return Optional.ofNullable(process).map(MermaidProcess::handle);
    }

    /** Ends node and its browser; later diagrams are {@link Unavailable}. */
    @Override
    public void close() {
        closed = true;
        var current = process;
        if (current != null) {
            current.close(); // a diagram being drawn ends now, as Unavailable
        }
        turn.lock();
        try {
            // a diagram's turn may have started a process just before closed was set
            if (process != null && process != current) {
                process.close();
            }
            process = null;
        } finally {
            turn.unlock();
        }
    }
}
