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

    public SendFailure(Kind kind, Duration retryAfter, String message) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = Objects.requireNonNullElse(retryAfter, Duration.ZERO);
    }

    public Kind kind() {
        return kind;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
