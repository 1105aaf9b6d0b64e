package dev.socratic.render;

import dev.socratic.MutableClock;
import dev.socratic.tutor.DiagramRenderer.Unavailable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** How the renderer copes with a serve.mjs that hangs or dies: stand-in scripts, run by the real node. */
class MermaidRendererFailureTest {

    private static final String GRAPH = "graph TD\n  a --> b\n";

    @TempDir
    Path folder;
    private final MutableClock clock = new MutableClock();
    private String node;

    @BeforeEach
    void findNode() {
        var found = MermaidRenderer.executableOnPath("node");
        assumeTrue(found.isPresent(), "no node on the PATH");
        node = found.get().toString();
    }

    private MermaidRenderer rendererRunning(String script) throws IOException {
        Files.writeString(folder.resolve("serve.mjs"), script);
        return new MermaidRenderer(List.of(node, "serve.mjs"), folder, clock, Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void aRendererThatNeverAnswersIsKilledWithWhatItStarted() throws Exception {
        // like Chromium, the child is in a process group of its own and would outlive node
        try (var renderer = rendererRunning("""
                import { spawn } from "node:child_process";
                import { writeFileSync } from "node:fs";
                const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { detached: true, stdio: "ignore" });
                writeFileSync("child.pid", String(child.pid));
                console.log(JSON.stringify({ ready: true }));
                process.stdin.resume();
                """)) {

            var result = renderer.render(GRAPH);

            assertThat(result).isInstanceOf(Unavailable.class);
            assertThat(((Unavailable) result).reason()).contains("took longer than 2 s");
            var child = ProcessHandle.of(Long.parseLong(Files.readString(folder.resolve("child.pid"))));
            assertThat(child.filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(renderer.processHandle()).isEmpty();
        }
    }

    @Test
    void aRendererThatKeepsDyingIsRestartedAfterAGrowingPause() throws Exception {
        try (var renderer = rendererRunning("""
                import { appendFileSync } from "node:fs";
                appendFileSync("starts.txt", "started\\n");
                process.exit(1);
                """)) {

            // one crash costs one diagram: the next one starts node again at once
            assertThat(renderer.render(GRAPH)).isInstanceOf(Unavailable.class);
            assertThat(renderer.render(GRAPH)).isInstanceOf(Unavailable.class);
            assertThat(starts()).isEqualTo(2);

            var paused = renderer.render(GRAPH);
            assertThat(paused).isInstanceOf(Unavailable.class);
            assertThat(((Unavailable) paused).reason()).contains("keeps failing");
            assertThat(starts()).isEqualTo(2);

            clock.advance(Duration.ofSeconds(1));
            assertThat(renderer.render(GRAPH)).isInstanceOf(Unavailable.class);
            assertThat(starts()).isEqualTo(3);

            // the pause doubles: one second is no longer enough
            clock.advance(Duration.ofSeconds(1));
            assertThat(renderer.render(GRAPH)).isInstanceOf(Unavailable.class);
            assertThat(starts()).isEqualTo(3);
            clock.advance(Duration.ofSeconds(1));
            assertThat(renderer.render(GRAPH)).isInstanceOf(Unavailable.class);
            assertThat(starts()).isEqualTo(4);
        }
    }

    private long starts() throws IOException {
        var file = folder.resolve("starts.txt");
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }
}
