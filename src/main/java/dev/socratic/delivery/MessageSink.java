package dev.socratic.delivery;

import dev.socratic.tutor.Outbound;

/** Where messages go: Telegram, or the console. */
public interface MessageSink {

    void send(long chatId, Outbound message) throws SendFailure;
}
