package dev.socratic.sandbox;

import dev.socratic.tutor.RunResult.Limit;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Stops the greediest run when the JVM's long-lived heap passes a ceiling. GraalPy cannot cap a
 * context's memory on this JVM, and a list that grows forever would otherwise starve the bot.
 * The old generation is watched rather than the whole heap: short-lived garbage rises and falls
 * there all the time, while a program's growing data ends up in the old generation (large arrays
 * go there at once).
 */
final class MemoryGuard {

    private final Set<ActiveRun> runs = ConcurrentHashMap.newKeySet();
    private final long ceiling;
    private final LongSupplier used;
    private final Runnable collector;
    /** Whether the heap was collected since it was last seen over the ceiling; only the watchdog thread touches it. */
    private boolean collected;

    MemoryGuard(long ceiling) {
        this(ceiling, longLivedHeap(), System::gc);
    }

    MemoryGuard(long ceiling, LongSupplier used, Runnable collector) {
        this.ceiling = ceiling;
        this.used = used;
        this.collector = collector;
    }

    void watch(ActiveRun run) {
        runs.add(run);
    }

    void forget(ActiveRun run) {
        runs.remove(run);
    }

    /**
     * Called every few milliseconds. Over the ceiling it first collects garbage (what a stopped run
     * left behind may not be collected yet) and stops a run only if the heap is still over at the
     * next look; one run at a time, so nobody else is judged before its memory is freed.
     */
    void check() {
        if (runs.isEmpty() || runs.stream().anyMatch(ActiveRun::isStopping)) {
            return;
        }
        if (used.getAsLong() <= ceiling) {
            collected = false;
            return;
        }
        if (!collected) {
            collected = true;
            collector.run();
            return;
        }
        collected = false;
        runs.stream().max(Comparator.comparingLong(ActiveRun::allocated)).ifPresent(run -> run.stop(Limit.MEMORY));
    }

    /** Bytes in the old generation (or the whole heap where there is none to name). */
    static LongSupplier longLivedHeap() {
        var oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                .toList();
        if (oldGeneration.isEmpty()) {
            var memory = ManagementFactory.getMemoryMXBean();
            return () -> memory.getHeapMemoryUsage().getUsed();
        }
        return () -> oldGeneration.stream().mapToLong(MemoryGuard::usedBy).sum();
    }

    private static long usedBy(MemoryPoolMXBean pool) {
        return pool.getUsage().getUsed();
    }
}
