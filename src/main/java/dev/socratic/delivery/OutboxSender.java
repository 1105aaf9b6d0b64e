package dev.socratic.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Drains the outbox into a sink: in order per chat, paced to Telegram's limits, honouring its
 * retry_after, retrying server errors with back-off, and never sending a message twice.
 *
 * <p>The outbox hands out at most one message per chat at a time, so sends to different chats
 * can run in parallel without reordering any chat's messages.
 */
public final class OutboxSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 200;
    private static final int MAX_ATTEMPTS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(5);

    private final Outbox outbox;
    private final MessageSink sink;
    private final Clock clock;
    private final SendPacer pacer;
    private final int parallelSends;
    private final Semaphore inFlight;
    private final ExecutorService senders;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile Instant pacedUntil = Instant.MIN;
    private volatile boolean running;
    private volatile boolean closing;
    private Thread thread;

    /** Sends one message at a time, as fast as the sink takes them: the console and tests. */
    public OutboxSender(Outbox outbox, MessageSink sink, Clock clock) {
        this(outbox, sink, clock, SendPacer.unlimited(), 1);
    }

    /**
     * @param parallelSends how many sends may be in flight at once (to different chats)
     */
    public OutboxSender(Outbox outbox, MessageSink sink, Clock clock, SendPacer pacer, int parallelSends) {
        this.outbox = outbox;
        this.sink = sink;
        this.clock = clock;
        this.pacer = pacer;
        this.parallelSends = parallelSends;
        this.inFlight = new Semaphore(parallelSends);
        this.senders = parallelSends > 1 ? Executors.newVirtualThreadPerTaskExecutor() : null;
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

    /**
     * Hands every message that is due now, and that pacing allows, to the sink; returns how many
     * it started. With one send at a time they have also finished when it returns.
     */
    public int drainDue() throws InterruptedException {
        int started = 0;
        while (true) {
            var now = clock.instant();
            if (now.isBefore(pausedUntil)) {
                return started;
            }
            var batch = outbox.due(now, BATCH);
            int startedBefore = started;
            for (var message : batch) {
                if (clock.instant().isBefore(pausedUntil)) {
                    return started;
                }
                var wait = pacer.tryAcquire(message.chatId(), clock.instant());
                if (!wait.isZero()) {
                    var ready = clock.instant().plus(wait);
                    pacedUntil = pacedUntil.isAfter(clock.instant()) && pacedUntil.isBefore(ready) ? pacedUntil : ready;
                    continue;
                }
                inFlight.acquire();
                if (!outbox.claim(message.id())) {
                    inFlight.release();
                    continue;
                }
                started++;
                if (senders == null) {
                    deliver(message);
                } else {
                    senders.execute(() -> deliver(message));
                }
            }
            // Sent one by one, each send may make its chat's next message due: look again until nothing
            // starts. Sent in parallel, a finished send wakes the loop instead.
            if (started == startedBefore || (senders != null && batch.size() < BATCH)) {
                return started;
            }
        }
    }

    private void deliver(OutboxMessage message) {
        try {
            sink.send(message.chatId(), message.message(), message.partsSent());
            outbox.markSent(message.id());
        } catch (SendFailure failure) {
            if (closing) {
                // close() cut the call off: it may have reached Telegram, so it stays 'sending' and
                // the next start counts it as delivered instead of sending it twice
                log.warn("message {} to chat {} was cut off by shutdown; it will not be sent again",
                        message.id(), message.chatId());
                return;
            }
            handle(message, failure);
        } catch (RuntimeException e) {
            log.error("message {} to chat {} could not be sent", message.id(), message.chatId(), e);
            // what went out before the error is not known, so the earlier attempts' count stands
            handle(message, new SendFailure(SendFailure.Kind.TRANSIENT, null, String.valueOf(e.getMessage()))
                    .afterParts(message.partsSent()));
        } finally {
            inFlight.release();
            // the chat's next message becomes due only now: let the loop look again
            wakeUp.release();
        }
    }

    private void handle(OutboxMessage message, SendFailure failure) {
        var now = clock.instant();
        switch (failure.kind()) {
            case RETRY_AFTER -> {
                // Telegram's flood limit applies to the bot as a whole: hold every send until then
                pausedUntil = now.plus(failure.retryAfter());
                outbox.retryLater(message.id(), pausedUntil, failure.partsSent());
                log.warn("rate limited by Telegram; pausing sends for {} s", failure.retryAfter().toSeconds());
            }
            case TRANSIENT -> {
                if (message.attempts() + 1 >= MAX_ATTEMPTS) {
                    log.error("giving up on message {} to chat {} after {} attempts: {}",
                            message.id(), message.chatId(), MAX_ATTEMPTS, failure.getMessage());
                    outbox.markFailed(message.id());
                } else {
                    outbox.retryLater(message.id(), now.plus(backoff(message.attempts())), failure.partsSent());
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

    /** Waits until every started send has finished (for shutdown and tests). */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        if (inFlight.tryAcquire(parallelSends, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            inFlight.release(parallelSends);
        }
    }

    private void loop() {
        while (running) {
            try {
                drainDue();
                wakeUp.drainPermits();
                wakeUp.tryAcquire(untilNextChance().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("the outbox sender failed; trying again shortly", e);
                sleepQuietly();
            }
        }
    }

    /**
     * How long the loop may sleep: until the next message can be started. A message behind a send in
     * flight to its chat is not counted (that send's end wakes the loop); a due one waits only for pacing.
     */
    private Duration untilNextChance() {
        var now = clock.instant();
        var due = outbox.nextDue();
        Instant next;
        if (due.isEmpty()) {
            next = now.plus(IDLE_WAIT);
        } else if (due.get().isAfter(now)) {
            next = due.get();
        } else {
            next = pacedUntil.isAfter(now) ? pacedUntil : now;
        }
        if (pausedUntil.isAfter(next)) {
            next = pausedUntil;
        }
        var wait = Duration.between(now, next);
        if (wait.toMillis() < 1) {
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
                awaitIdle(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (senders != null) {
            senders.shutdown();
        }
    }
}
