package dev.socratic.sandbox;

import dev.socratic.tutor.RunResult;
import dev.socratic.tutor.RunResult.Limit;
import org.graalvm.polyglot.Context;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** One run in progress: its context, where its result goes, and how to stop it from outside. */
final class ActiveRun {

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Context context;
    private final CompletableFuture<RunResult> result;
    private final BoundedOutput output;
    private final TestProgress progress;
    private final long threadId = Thread.currentThread().threadId();
    private final long allocatedAtStart = allocatedBy(threadId);
    private final AtomicReference<Limit> stoppedFor = new AtomicReference<>();

    ActiveRun(Context context, CompletableFuture<RunResult> result, BoundedOutput output, TestProgress progress) {
        this.context = context;
        this.result = result;
        this.output = output;
        this.progress = progress;
    }

    /**
     * Ends the run for exceeding {@code limit}. The caller hears at once; the context is cancelled
     * on a thread of its own, because cancelling waits for a long built-in operation to finish.
     */
    void stop(Limit limit) {
        if (!stoppedFor.compareAndSet(null, limit)) {
            return;
        }
        result.complete(new RunResult.LimitExceeded(output.text(), limit, progress.statement()));
        Thread.ofPlatform().daemon().name("python-cancel").start(() -> GraalPyRunner.closeQuietly(context));
    }

    Limit stoppedFor() {
        return stoppedFor.get();
    }

    boolean isStopping() {
        return stoppedFor.get() != null;
    }

    /** Bytes the run's thread allocated since it started: the best guess at who filled the heap. */
    long allocated() {
        return allocatedBy(threadId) - allocatedAtStart;
    }

    private static long allocatedBy(long threadId) {
        return THREADS instanceof com.sun.management.ThreadMXBean hotspot ? hotspot.getThreadAllocatedBytes(threadId) : 0;
    }
}
