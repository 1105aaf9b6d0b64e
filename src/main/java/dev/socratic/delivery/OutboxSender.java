package dev.socratic.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Drains the outbox into a sink: in order per chat, honouring Telegram's retry_after, retrying
 * server errors with back-off, and never sending a message twice.
 */
public final class OutboxSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;
    private static final int MAX_ATTEMPTS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(5);

    private final Outbox outbox;
    private final MessageSink sink;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile boolean running;
    private volatile boolean closing;
    private Thread thread;

    public OutboxSender(Outbox outbox, MessageSink sink, Clock clock) {
        this.outbox = outbox;
        this.sink = sink;
        this.clock = clock;
    }

    public synchronized void start() {
        int abandoned = outbox.abandonInFlight();
        if (abandoned > 0) {
            log.warn("{} message(s) were being sent when the bot stopped; not sending them again", abandoned);
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-sender").daemon(true).start(this::loop);
    }

    /** New messages were committed: send them now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    /** Sends everything due now; returns how many messages went out. Used by the loop and by the console. */
    public int drainDue() {
        int sent = 0;
        while (true) {
            var now = clock.instant();
            if (now.isBefore(pausedUntil)) {
                return sent;
            }
            var batch = outbox.due(now, BATCH);
            if (batch.isEmpty()) {
                return sent;
            }
            for (var message : batch) {
                if (!clock.instant().isBefore(pausedUntil) && outbox.claim(message.id()) && deliver(message)) {
                    sent++;
                }
            }
            if (clock.instant().isBefore(pausedUntil)) {
                return sent;
            }
        }
    }

    private boolean deliver(OutboxMessage message) {
        try {
            sink.send(message.chatId(), message.message());
            outbox.markSent(message.id());
            return true;
        } catch (SendFailure failure) {
            if (closing) {
                // close() cut the call off: it may have reached Telegram, so it stays 'sending' and
                // the next start counts it as delivered instead of sending it twice
                log.warn("message {} to chat {} was cut off by shutdown; it will not be sent again",
                        message.id(), message.chatId());
                return false;
            }
            handle(message, failure);
            return false;
        } catch (RuntimeException e) {
            log.error("message {} to chat {} could not be sent", message.id(), message.chatId(), e);
            handle(message, new SendFailure(SendFailure.Kind.TRANSIENT, null, e.getMessage()));
            return false;
        }
    }

    private void handle(OutboxMessage message, SendFailure failure) {
        var now = clock.instant();
        switch (failure.kind()) {
            case RETRY_AFTER -> {
                // Telegram's flood limit applies to the bot as a whole: hold every send until then
                pausedUntil = now.plus(failure.retryAfter());
                outbox.retryLater(message.id(), pausedUntil);
                log.warn("rate limited by Telegram; pausing sends for {} s", failure.retryAfter().toSeconds());
            }
            case TRANSIENT -> {
                if (message.attempts() + 1 >= MAX_ATTEMPTS) {
                    log.error("giving up on message {} to chat {} after {} attempts: {}",
                            message.id(), message.chatId(), MAX_ATTEMPTS, failure.getMessage());
                    outbox.markFailed(message.id());
                } else {
                    outbox.retryLater(message.id(), now.plus(backoff(message.attempts())));
                }
            }
            case BLOCKED -> {
                log.info("learner {} blocked the bot; their messages are dropped", message.learnerId());
                outbox.markFailed(message.id());
                outbox.deactivateLearner(message.learnerId());
            }
            case PERMANENT -> {
                log.error("Telegram refused message {} to chat {}: {}", message.id(), message.chatId(), failure.getMessage());
                outbox.markFailed(message.id());
            }
        }
    }

    static Duration backoff(int attempts) {
        var delay = Duration.ofSeconds(1L << Math.min(attempts, 10));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private void loop() {
        while (running) {
            try {
                drainDue();
                wakeUp.drainPermits();
                wakeUp.tryAcquire(untilNextDue().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("the outbox sender failed; trying again shortly", e);
                sleepQuietly();
            }
        }
    }

    private Duration untilNextDue() {
        var now = clock.instant();
        var next = outbox.nextDue().orElse(now.plus(IDLE_WAIT));
        if (next.isBefore(pausedUntil)) {
            next = pausedUntil;
        }
        var wait = Duration.between(now, next);
        if (wait.isNegative() || wait.isZero()) {
            return Duration.ofMillis(1);
        }
        return wait.compareTo(IDLE_WAIT) > 0 ? IDLE_WAIT : wait;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        closing = true;
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
