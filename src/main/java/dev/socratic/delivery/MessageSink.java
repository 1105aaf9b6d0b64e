package dev.socratic.delivery;

import dev.socratic.tutor.Outbound;

/** Where messages go: Telegram, or the console. */
public interface MessageSink {

    /**
     * Sends {@code message}, skipping its first {@code partsSent} parts, which an earlier attempt
     * delivered (a long text goes out as several Telegram messages, a picture and its text as two).
     * A failure carries how many parts were out by then.
     */
    void send(long chatId, Outbound message, int partsSent) throws SendFailure;

    default void send(long chatId, Outbound message) throws SendFailure {
        send(chatId, message, 0);
    }
}
