package dev.socratic.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running {@code serve.mjs}: JSON lines in, JSON lines out (see that script). It remembers the
 * processes it spawned (Chromium and its helpers), because once node is gone they are no longer
 * its descendants and could outlive it.
 */
final class MermaidProcess {

    private static final Logger log = LoggerFactory.getLogger(MermaidProcess.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final Writer stdin;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Set<ProcessHandle> family = ConcurrentHashMap.newKeySet();

    private MermaidProcess(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static MermaidProcess start(List<String> command, Path folder) throws IOException {
        var process = new ProcessBuilder(command).directory(folder.toFile()).start();
        var started = new MermaidProcess(process);
        Thread.ofVirtual().name("mermaid-out-" + process.pid()).start(started::readAnswers);
        Thread.ofVirtual().name("mermaid-err-" + process.pid()).start(started::drainErrors);
        log.debug("started the diagram renderer, pid {}", process.pid());
        return started;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the browser is up (a request will not wait for it to start). */
    boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** Draws {@code source}; the answer is serve.mjs's JSON object. Throws IOException when the process died. */
    JsonNode ask(long id, String source, Duration timeout) throws IOException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        await(ready, deadline);
        var answer = new CompletableFuture<JsonNode>();
        pending.put(id, answer);
        try {
            synchronized (stdin) {
                stdin.write(JSON.writeValueAsString(Map.of("id", id, "source", source)));
                stdin.write('\n');
                stdin.flush();
            }
            return await(answer, deadline);
        } finally {
            pending.remove(id);
        }
    }

    private static <T> T await(CompletableFuture<T> future, long deadline)
            throws IOException, TimeoutException, InterruptedException {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private void readAnswers() {
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                JsonNode answer;
                try {
                    answer = JSON.readTree(line);
                } catch (IOException e) {
                    log.debug("diagram renderer said something else than JSON: {}", line);
                    continue;
                }
                if (answer.path("ready").asBoolean(false)) {
                    // Chromium is up now: remember it and its helpers while they are still node's descendants
                    process.descendants().forEach(family::add);
                    ready.complete(null);
                } else if (answer.hasNonNull("id")) {
                    var waiting = pending.get(answer.get("id").asLong());
                    if (waiting != null) {
                        waiting.complete(answer);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.debug("reading the diagram renderer's answers failed: {}", e.toString());
        }
        var gone = new IOException("the diagram renderer exited" + exitStatus());
        ready.completeExceptionally(gone);
        pending.values().forEach(answer -> answer.completeExceptionally(gone));
    }

    private String exitStatus() {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? " with status " + process.exitValue() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Node and Chromium write warnings and the page's console there: useful when debugging, never for a chat. */
    private void drainErrors() {
        try (var err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                log.debug("mermaid: {}", line);
            }
        } catch (IOException | UncheckedIOException e) {
            log.debug("reading the diagram renderer's errors failed: {}", e.toString());
        }
    }

    /** Ends node and every process it started, now. Waits (boundedly) until they are gone. */
    void kill() {
        rememberFamily();
        process.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
        awaitExit();
    }

    /** Lets node close its browser and exit (stdin closed); kills what is left after a grace period. */
    void close() {
        try {
            synchronized (stdin) {
                stdin.close();
            }
        } catch (IOException e) {
            log.debug("closing the diagram renderer's input failed: {}", e.toString());
        }
        rememberFamily();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("the diagram renderer did not stop within {} s; killing it", GRACE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    /** Node's descendants, and those of the processes already known (Chromium's helpers, should node be gone). */
    private void rememberFamily() {
        process.descendants().forEach(family::add);
        for (var member : List.copyOf(family)) {
            member.descendants().forEach(family::add);
        }
    }

    private void awaitExit() {
        for (var handle : family) {
            try {
                handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("process {} of the diagram renderer did not end: {}", handle.pid(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
