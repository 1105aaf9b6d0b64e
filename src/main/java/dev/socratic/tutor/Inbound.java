package dev.socratic.tutor;

import java.util.Objects;

/**
 * One learner message as an adapter received it.
 *
 * @param updateId the transport's id for deduplication, or {@code null} where redelivery cannot happen (console)
 */
public record Inbound(long learnerId, long chatId, Long updateId, Input input) {

    public Inbound {
        Objects.requireNonNull(input, "input");
    }
}
