package dev.socratic.delivery;

import dev.socratic.tutor.Outbound;

/**
 * A stored message waiting to be sent, with the number of failed attempts so far and the number of
 * its parts an earlier attempt delivered.
 */
public record OutboxMessage(long id, long learnerId, long chatId, Outbound message, int attempts, int partsSent) {

    public OutboxMessage(long id, long learnerId, long chatId, Outbound message, int attempts) {
        this(id, learnerId, chatId, message, attempts, 0);
    }
}
