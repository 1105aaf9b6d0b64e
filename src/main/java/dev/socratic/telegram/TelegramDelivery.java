package dev.socratic.telegram;

import dev.socratic.delivery.MessageSink;
import dev.socratic.tutor.Pictures;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

import java.net.URI;

/**
 * Sending to Telegram without polling for updates: for commands that deliver the outbox and exit,
 * such as {@code digest}.
 */
public final class TelegramDelivery implements AutoCloseable {

    private final OkHttpClient http;
    private final TelegramSink sink;

    public TelegramDelivery(String token, URI apiUrl) {
        var endpoint = new ApiEndpoint(apiUrl);
        this.http = endpoint.httpClient();
        // summaries carry no curriculum pictures
        this.sink = new TelegramSink(new OkHttpTelegramClient(http, token, endpoint.telegramUrl()), Pictures.NONE);
    }

    public MessageSink sink() {
        return sink;
    }

    /** Ends okhttp's threads, so the process can exit. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
