package dev.socratic.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one run may use, and how many may run at once.
 *
 * @param time             wall-clock time for the learner's code and the tests together (start-up not counted)
 * @param concurrentRuns   runs at the same time; more wait in a queue
 * @param maxWait          how long a caller waits for its result, queue included, before hearing "busy"
 * @param threads          threads the code may have alive at once, its main thread included
 * @param outputBytes      output beyond this stops the run
 * @param keptOutputBytes  output kept for the learner (a chat message holds about 4,000 characters)
 * @param heapCeiling      when the JVM's long-lived heap grows past this while code runs, the run that
 *                         allocated most is stopped
 * @param runsPerEngine    runs before the shared engine is replaced by a fresh one (see EngineCycle); it is
 *                         replaced sooner when the heap grows by a quarter of {@code heapCeiling}
 */
public record SandboxLimits(
        Duration time,
        int concurrentRuns,
        Duration maxWait,
        int threads,
        long outputBytes,
        int keptOutputBytes,
        long heapCeiling,
        int runsPerEngine) {

    public SandboxLimits {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(maxWait, "maxWait");
        if (time.isNegative() || time.isZero() || concurrentRuns < 1 || threads < 1 || outputBytes < 1
                || keptOutputBytes < 1 || heapCeiling < 1 || runsPerEngine < 1) {
            throw new IllegalArgumentException("sandbox limits must be positive: " + this);
        }
    }

    /**
     * Two seconds, as many runs as cores (at most four), 16 threads, 1 MB of output, a heap
     * ceiling at 70% of the maximum heap (the bot keeps the rest), and a fresh engine every 100 runs.
     */
    public static SandboxLimits defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new SandboxLimits(Duration.ofSeconds(2), Math.max(1, Math.min(4, cores)), Duration.ofSeconds(30), 16,
                1 << 20, 3_000, (long) (Runtime.getRuntime().maxMemory() * 0.7), 100);
    }

    public SandboxLimits withTime(Duration newTime) {
        return new SandboxLimits(newTime, concurrentRuns, maxWait, threads, outputBytes, keptOutputBytes, heapCeiling, runsPerEngine);
    }

    public SandboxLimits withConcurrentRuns(int runs) {
        return new SandboxLimits(time, runs, maxWait, threads, outputBytes, keptOutputBytes, heapCeiling, runsPerEngine);
    }

    public SandboxLimits withMaxWait(Duration wait) {
        return new SandboxLimits(time, concurrentRuns, wait, threads, outputBytes, keptOutputBytes, heapCeiling, runsPerEngine);
    }

    public SandboxLimits withRunsPerEngine(int runs) {
        return new SandboxLimits(time, concurrentRuns, maxWait, threads, outputBytes, keptOutputBytes, heapCeiling, runs);
    }

    public SandboxLimits withHeapCeiling(long bytes) {
        return new SandboxLimits(time, concurrentRuns, maxWait, threads, outputBytes, keptOutputBytes, bytes, runsPerEngine);
    }
}
