package dev.socratic.delivery;

import java.time.Duration;
import java.util.Objects;

/** A message that did not go out, and what to do about it. */
public final class SendFailure extends Exception {

    public enum Kind {
        /** Rate limited: wait {@link #retryAfter()} then try again. */
        RETRY_AFTER,
        /** A server or network error: try again with back-off. */
        TRANSIENT,
        /** The learner blocked the bot or left the chat. */
        BLOCKED,
        /** Refused for good (a bad request): sending again would fail the same way. */
        PERMANENT
    }

    private final Kind kind;
    private final Duration retryAfter;
    private final int partsSent;

    public SendFailure(Kind kind, Duration retryAfter, String message) {
        this(kind, retryAfter, message, 0);
    }

    private SendFailure(Kind kind, Duration retryAfter, String message, int partsSent) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = Objects.requireNonNullElse(retryAfter, Duration.ZERO);
        this.partsSent = partsSent;
    }

    /** The same failure, after {@code parts} parts of the message had gone out. */
    public SendFailure afterParts(int parts) {
        return new SendFailure(kind, retryAfter, getMessage(), parts);
    }

    /** How many parts of the message were delivered before this failure. */
    public int partsSent() {
        return partsSent;
    }

    public Kind kind() {
        return kind;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
