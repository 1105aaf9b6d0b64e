package dev.socratic.bench;

import dev.socratic.curriculum.Curriculum;
import dev.socratic.delivery.SendPacer;
import dev.socratic.store.Database;
import dev.socratic.tutor.TurnProcessor;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The benchmark: the real bot against a local Bot API, without any LLM, so the figures measure the
 * bot itself. Prints one line per figure; returns the broken promises (lost replies, lost progress,
 * double sends), which a test asserts are none.
 */
public final class Bench {

    private final BenchOptions options;
    private final Curriculum curriculum;
    private final Function<Database, TurnProcessor> turns;
    private final PrintStream out;
    private final List<String> violations = new ArrayList<>();

    /** @param turns builds the production turn processing (grader and all) on a database */
    public Bench(BenchOptions options, Curriculum curriculum, Function<Database, TurnProcessor> turns, PrintStream out) {
        this.options = options;
        this.curriculum = curriculum;
        this.turns = turns;
        this.out = out;
    }

    public List<String> run() throws Exception {
        var folder = Files.createTempDirectory("tutor-bench");
        try (var api = new LocalBotApi(InProcessBot.TOKEN)) {
            print("bench options %s", options.asMap());
            var startup = StartupPhase.run(api, folder);
            print("bench startup first_reply_ms=%.0f bot_rss_mb=%.0f", startup.firstReplyMillis(), startup.residentMegabytes());
            load(api, folder);
            var burst = BurstPhase.run(api, folder.resolve("burst.db"), options.burst(), turns);
            print("bench burst messages=%d delivered=%d drain_s=%.1f rate_per_s=%.1f peak_per_s=%d",
                    burst.messages(), burst.delivered(), burst.seconds(), burst.delivered() / burst.seconds(),
                    burst.peakPerSecond());
            expect(burst.delivered() == burst.messages(), "the burst delivered " + burst.delivered() + " of " + burst.messages());
            fuzz(api, folder);
            if (options.soakSeconds() > 0) {
                var soak = SoakPhase.run(api, folder, curriculum, options.soakSeconds(), 42);
                print("bench soak seconds=%d kills=%d turns=%d violations=%d perhaps_sent=%d",
                        options.soakSeconds(), soak.kills(), soak.turns(), soak.violations().size(), soak.unknown());
                violations.addAll(soak.violations());
            }
        } finally {
            deleteQuietly(folder);
        }
        print("bench result %s", violations.isEmpty() ? "ok" : "FAILED: " + String.join("; ", violations));
        return violations;
    }

    private void load(LocalBotApi api, Path folder) throws Exception {
        var file = folder.resolve("load.db");
        try (var bot = new InProcessBot(file, api, turns, SendPacer.unlimited())) {
            var phase = new LoadPhase(api, curriculum);
            // a short warm-up, so the figures describe the bot rather than the JIT's first minutes
            phase.run(phase.learners(1_000_000_000L, options.concurrency(), ScriptedLearner.Style.MIXED),
                    options.turns(), options.concurrency());
            long learnerBase = 1_000_000_000L + options.concurrency();
            for (var style : ScriptedLearner.Style.values()) {
                var learners = phase.learners(learnerBase, options.learners(), style);
                learnerBase += options.learners();
                var result = phase.run(learners, options.turns(), options.concurrency());
                var latencies = result.latencies();
                print("bench load %s learners=%d turns=%d turns_per_s=%.0f graded_per_s=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f lost=%d",
                        style.name().toLowerCase(Locale.ROOT), options.learners(), result.turns(), result.turnsPerSecond(),
                        result.gradedPerSecond(), latencies.percentileMillis(50), latencies.percentileMillis(95),
                        latencies.percentileMillis(99), result.lostReplies());
                expect(result.lostReplies() == 0, result.lostReplies() + " turns of the " + style + " load got no reply");
            }
            long learners = 3L * options.learners() + options.concurrency();
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            print("bench memory learners=%d rss_mb=%.0f heap_used_mb=%.0f heap_committed_mb=%.0f", learners,
                    residentMegabytes(), heap.getUsed() / 1e6, heap.getCommitted() / 1e6);
            long bytes = size(file) + size(Path.of(file + "-wal"));
            print("bench database learners=%d bytes=%d bytes_per_learner=%.0f", learners, bytes, (double) bytes / learners);
        }
    }

    private void fuzz(LocalBotApi api, Path folder) throws Exception {
        try (var bot = new InProcessBot(folder.resolve("fuzz.db"), api, turns, SendPacer.unlimited())) {
            var fuzz = FuzzPhase.run(api, options.fuzz(), 7);
            print("bench fuzz updates=%d learners=%d served_after=%d replies_with_trace=%d",
                    fuzz.updates(), fuzz.learners(), fuzz.servedAfter(), fuzz.tracesInReplies());
            expect(fuzz.servedAfter() == fuzz.learners(), "after the fuzz only " + fuzz.servedAfter() + " of "
                    + fuzz.learners() + " learners were served");
            expect(fuzz.tracesInReplies() == 0, fuzz.tracesInReplies() + " replies showed a stack trace");
        }
    }

    private void expect(boolean promise, String violation) {
        if (!promise) {
            violations.add(violation);
        }
    }

    private void print(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }

    /** This process's resident memory from /proc (Linux); NaN elsewhere. */
    static double residentMegabytes() {
        return residentMegabytes(Path.of("/proc/self/status"));
    }

    static double residentMegabytes(Path status) {
        try (var lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0)
                    .findFirst().orElse(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is not worth failing a benchmark over
        }
    }
}
