package dev.socratic.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps sends within Telegram's limits: about 30 messages a second in total and about one a
 * second per chat (a turn's few messages may go together). Token buckets; not thread-safe, the
 * sender's loop is its only user.
 */
public final class SendPacer {

    /** Buckets idle this long are full again and can be forgotten. */
    private static final int FORGET_AFTER_CHATS = 10_000;
    private static final double GLOBAL_BURST = 5;

    private final double globalRate;
    private final double chatRate;
    private final double chatBurst;
    private final Bucket global;
    private final Map<Long, Bucket> chats = new HashMap<>();

    /**
     * @param globalPerSecond messages a second across all chats
     * @param chatPerSecond   messages a second to one chat
     * @param chatBurst       how many messages one chat may receive at once (one turn's replies)
     */
    public SendPacer(double globalPerSecond, double chatPerSecond, int chatBurst) {
        this.globalRate = globalPerSecond;
        this.chatRate = chatPerSecond;
        this.chatBurst = chatBurst;
        // a small global burst: in any one second at most rate + 5 messages go out
        this.global = new Bucket(Math.min(globalPerSecond, GLOBAL_BURST), Instant.MIN);
    }

    /** Telegram's published limits. */
    public static SendPacer telegram() {
        return new SendPacer(30, 1, 3);
    }

    /** No limits: the console, and benchmarks that measure the bot rather than Telegram. */
    public static SendPacer unlimited() {
        return new SendPacer(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Integer.MAX_VALUE);
    }

    /** Takes a token for one message to {@code chatId} if both buckets have one; else says how long to wait. */
    public Duration tryAcquire(long chatId, Instant now) {
        if (Double.isInfinite(globalRate)) {
            return Duration.ZERO;
        }
        var chat = chats.computeIfAbsent(chatId, id -> new Bucket(chatBurst, now));
        double globalWait = global.refill(now, globalRate, Math.min(globalRate, GLOBAL_BURST));
        double chatWait = chat.refill(now, chatRate, chatBurst);
        if (globalWait > 0 || chatWait > 0) {
            // never a zero wait without a token: a zero means "sent"
            return Duration.ofNanos(Math.max(1, (long) Math.ceil(Math.max(globalWait, chatWait) * 1e9)));
        }
        global.tokens -= 1;
        chat.tokens -= 1;
        if (chats.size() > FORGET_AFTER_CHATS) {
            chats.values().removeIf(bucket -> bucket.tokens >= chatBurst - 1e-9 && bucket != chat);
        }
        return Duration.ZERO;
    }

    private static final class Bucket {
        private double tokens;
        private Instant updated;

        Bucket(double tokens, Instant now) {
            this.tokens = tokens;
            this.updated = now;
        }

        /** Adds what accrued since the last look; returns seconds until one token is there (0 if it is). */
        double refill(Instant now, double rate, double capacity) {
            if (updated.equals(Instant.MIN)) {
                updated = now;
            }
            double seconds = Math.max(0, Duration.between(updated, now).toNanos() / 1e9);
            tokens = Math.min(capacity, tokens + seconds * rate);
            updated = now.isAfter(updated) ? now : updated;
            // a hair of tolerance: sums of rate * seconds fall just short of a whole token
            return tokens >= 1 - 1e-9 ? 0 : (1 - tokens) / rate;
        }
    }
}
