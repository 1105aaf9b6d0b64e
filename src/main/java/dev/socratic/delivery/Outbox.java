package dev.socratic.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored queue of outbound messages. A message moves pending → sending → sent, so that one
 * whose send may have reached the learner is never sent twice, even across a crash.
 */
public interface Outbox {

    /** Pending messages due at {@code now}, oldest first, at most one per chat and none behind an earlier unsent one. */
    List<OutboxMessage> due(Instant now, int limit);

    /** Marks a pending message as being sent; false if it is no longer pending. */
    boolean claim(long id);

    void markSent(long id);

    /**
     * Telegram refused it for now (429, 5xx): back to pending, not before {@code notBefore}; its first
     * {@code partsSent} parts went out and are not sent again.
     */
    void retryLater(long id, Instant notBefore, int partsSent);

    void markFailed(long id);

    /** The learner blocked the bot: stop writing to them until they write again. */
    void deactivateLearner(long learnerId);

    /** When the earliest pending message that is first in its chat's line becomes due, if there is one. */
    Optional<Instant> nextDue();

    /** At start-up: messages a crash left in 'sending' may have been delivered, so they are not retried. */
    int abandonInFlight();
}
