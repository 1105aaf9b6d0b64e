package dev.socratic.digest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

/**
 * Runs the weekly digest inside the bot: once at start (which sends the one latest summary missed
 * while the bot was down) and then every {@code period}. Due times are computed from what is stored,
 * so polling survives restarts and needs no timer per learner.
 */
public final class DigestScheduler implements AutoCloseable {

    public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final WeeklyDigest digest;
    private final Clock clock;
    private final LongPredicate learners;
    private final Duration period;
    private final Runnable afterSending;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("weekly-digest").daemon(true).factory());

    /** @param afterSending called when a pass put summaries in the outbox, to wake the sender */
    public DigestScheduler(WeeklyDigest digest, Clock clock, LongPredicate learners, Duration period,
                           Runnable afterSending) {
        this.digest = digest;
        this.clock = clock;
        this.learners = learners;
        this.period = period;
        this.afterSending = afterSending;
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::runOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass; never throws, so one bad pass does not end the schedule. */
    void runOnce() {
        try {
            var result = digest.sendDue(clock.instant(), learners);
            if (result.sent() > 0) {
                log.info("weekly digest: {} summary(ies) sent", result.sent());
                afterSending.run();
            }
        } catch (RuntimeException e) {
            log.error("the weekly digest pass failed; trying again in {}", period, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
