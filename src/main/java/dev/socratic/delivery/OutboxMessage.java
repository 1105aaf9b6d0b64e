package dev.socratic.delivery;

import dev.socratic.tutor.Outbound;

/** A stored message waiting to be sent, with the number of failed attempts so far. */
public record OutboxMessage(long id, long learnerId, long chatId, Outbound message, int attempts) {
}
