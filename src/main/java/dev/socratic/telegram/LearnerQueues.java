package dev.socratic.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs each learner's turns one after another, and different learners' turns in parallel on virtual threads. */
final class LearnerQueues implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LearnerQueues.class);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    void submit(long learnerId, Runnable turn) {
        tails.compute(learnerId, (id, tail) -> {
            var previous = tail == null ? CompletableFuture.<Void>completedFuture(null) : tail;
            var next = previous.thenRunAsync(() -> runSafely(learnerId, turn), executor);
            // forget the learner once their queue is empty, so the map does not grow with every learner ever seen
            next.whenComplete((ignored, error) -> tails.remove(id, next));
            return next;
        });
    }

    private static void runSafely(long learnerId, Runnable turn) {
        try {
            turn.run();
        } catch (RuntimeException e) {
            log.error("a turn of learner {} failed", learnerId, e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
