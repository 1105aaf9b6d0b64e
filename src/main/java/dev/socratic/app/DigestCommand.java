package dev.socratic.app;

import dev.socratic.console.ConsoleSink;
import dev.socratic.console.ConsoleTutor;
import dev.socratic.delivery.Outbox;
import dev.socratic.delivery.OutboxSender;
import dev.socratic.delivery.SendPacer;
import dev.socratic.digest.WeeklyDigest;
import dev.socratic.telegram.TelegramDelivery;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code digest [--at INSTANT]}: sends every weekly summary due at that instant, delivers it, and
 * exits. With a bot token the summaries go to Telegram learners through the outbox, which this
 * command drains itself (a running bot may drain it too: a message is claimed before it is sent, so
 * none goes out twice). Without a token it serves the console learner, printing the summary.
 */
final class DigestCommand {

    /** How long to keep retrying refused sends before leaving them in the outbox for the bot. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Config config;
    private final Clock clock;

    DigestCommand(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    int run(Instant at, PrintStream out) {
        try (var parts = Components.open(config, clock)) {
            WeeklyDigest.Result result;
            int delivered;
            if (config.consoleMode()) {
                result = parts.digest().sendDue(at, id -> id == ConsoleTutor.LEARNER_ID);
                delivered = drain(new OutboxSender(parts.outbox(), new ConsoleSink(out), clock));
            } else {
                result = parts.digest().sendDue(at, id -> id != ConsoleTutor.LEARNER_ID);
                try (var telegram = new TelegramDelivery(config.telegramToken().orElseThrow(), config.telegramApiUrl())) {
                    // one send at a time, at Telegram's pace: a large digest must not meet a storm of 429s
                    delivered = deliver(parts.outbox(),
                            new OutboxSender(parts.outbox(), telegram.sink(), clock, SendPacer.telegram(), 1));
                }
            }
            out.printf("digest at %s: %d due, %d sent, %d already sent, %d failed; %d message(s) delivered%n",
                    at, result.due(), result.sent(), result.alreadySent(), result.failed(), delivered);
            return result.failed() == 0 ? 0 : 1;
        }
    }

    private static int drain(OutboxSender sender) {
        try {
            return sender.drainDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Drains the outbox, waiting out rate limits and retries for up to {@link #PATIENCE}. */
    private int deliver(Outbox outbox, OutboxSender sender) {
        var deadline = clock.instant().plus(PATIENCE);
        int delivered = 0;
        while (true) {
            delivered += drain(sender);
            var next = outbox.nextDue();
            var now = clock.instant();
            if (next.isEmpty() || next.get().isAfter(deadline) || now.isAfter(deadline)) {
                return delivered;
            }
            var wait = Duration.between(now, next.get());
            try {
                Thread.sleep(wait.compareTo(POLL) < 0 ? POLL : wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return delivered;
            }
        }
    }
}
