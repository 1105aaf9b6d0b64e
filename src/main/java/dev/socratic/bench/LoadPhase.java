package dev.socratic.bench;

import dev.socratic.curriculum.Curriculum;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Learners typing at once, each waiting for the tutor's reply before the next message, as people
 * do. Measures turns per second and the latency from a learner's message to the first reply.
 */
final class LoadPhase {

    /** What a load run measured; {@code lostReplies} counts turns whose reply never came. */
    record Result(int turns, int gradedTurns, double seconds, Latencies latencies, int lostReplies) {
        double turnsPerSecond() {
            return turns / seconds;
        }

        double gradedPerSecond() {
            return gradedTurns / seconds;
        }
    }

    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(20);

    private final LocalBotApi api;
    private final Curriculum curriculum;
    LoadPhase(LocalBotApi api, Curriculum curriculum) {
        this.api = api;
        this.curriculum = curriculum;
    }

    List<ScriptedLearner> learners(long firstId, int count, ScriptedLearner.Style style) {
        var learners = new ArrayList<ScriptedLearner>();
        for (int i = 0; i < count; i++) {
            learners.add(new ScriptedLearner(firstId + i, curriculum, style));
        }
        return learners;
    }

    Result run(List<ScriptedLearner> learners, int turnsEach, int concurrency) throws InterruptedException {
        var queue = new ConcurrentLinkedQueue<>(learners);
        var latencies = new Latencies();
        var graded = new AtomicInteger();
        var lost = new AtomicInteger();
        var turns = new AtomicLong();
        long start = System.nanoTime();
        try (var typists = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < concurrency; t++) {
                typists.execute(() -> {
                    ScriptedLearner learner;
                    while ((learner = queue.poll()) != null) {
                        for (int i = 0; i < turnsEach; i++) {
                            if (!turn(learner, latencies, graded)) {
                                lost.incrementAndGet();
                                break;
                            }
                            turns.incrementAndGet();
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result((int) turns.get(), graded.get(), seconds, latencies, lost.get());
    }

    /** Sends one step and waits for all of its replies; false when the tutor did not answer in time. */
    boolean turn(ScriptedLearner learner, Latencies latencies, AtomicInteger graded) {
        try {
            var step = learner.next();
            int before = api.countTo(learner.id());
            long sentAt = System.nanoTime();
            send(learner, step);
            var first = api.awaitSendTo(learner.id(), before, REPLY_TIMEOUT);
            if (first == null) {
                return false;
            }
            latencies.add(first.nanoTime() - sentAt);
            if (step.graded()) {
                graded.incrementAndGet();
                if (first.text().contains("that's it")) {
                    learner.acknowledgeCorrect();
                }
            }
            return api.awaitSendTo(learner.id(), before + step.replies() - 1, REPLY_TIMEOUT) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void send(ScriptedLearner learner, ScriptedLearner.Step step) {
        if (step.button() != null) {
            api.pushButton(learner.id(), step.button());
        } else {
            api.pushText(learner.id(), step.text());
        }
    }
}
