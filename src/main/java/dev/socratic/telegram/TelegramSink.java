package dev.socratic.telegram;

import dev.socratic.delivery.MessageSink;
import dev.socratic.delivery.SendFailure;
import dev.socratic.delivery.SendFailure.Kind;
import dev.socratic.tutor.Outbound;
import dev.socratic.tutor.Outbound.Message;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;

/** Sends outbox messages through the Bot API, turning its errors into what the sender should do. */
final class TelegramSink implements MessageSink {

    private final TelegramClient client;
    private final HtmlRenderer renderer = new HtmlRenderer();

    TelegramSink(TelegramClient client) {
        this.client = client;
    }

    @Override
    public void send(long chatId, Outbound outbound) throws SendFailure {
        switch (outbound) {
            case Message message -> sendMessage(chatId, message);
        }
    }

    private void sendMessage(long chatId, Message message) throws SendFailure {
        var parts = renderer.render(message);
        for (int i = 0; i < parts.size(); i++) {
            var send = SendMessage.builder()
                    .chatId(chatId)
                    .text(parts.get(i))
                    .parseMode(ParseMode.HTML)
                    .disableWebPagePreview(true);
            boolean last = i == parts.size() - 1;
            if (last && !message.buttons().isEmpty()) {
                var row = new InlineKeyboardRow();
                message.buttons().forEach(button -> row.add(InlineKeyboardButton.builder()
                        .text(button.label()).callbackData(button.data()).build()));
                send.replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(row).build());
            }
            execute(send.build());
        }
    }

    private void execute(SendMessage send) throws SendFailure {
        try {
            client.execute(send);
        } catch (TelegramApiRequestException e) {
            throw classify(e);
        } catch (TelegramApiException e) {
            throw new SendFailure(Kind.TRANSIENT, null, "network: " + e.getMessage());
        }
    }

    static SendFailure classify(TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        var parameters = e.getParameters();
        if (code == 429) {
            int seconds = parameters != null && parameters.getRetryAfter() != null ? parameters.getRetryAfter() : 1;
            return new SendFailure(Kind.RETRY_AFTER, Duration.ofSeconds(seconds), e.getApiResponse());
        }
        if (code == 403) {
            return new SendFailure(Kind.BLOCKED, null, e.getApiResponse());
        }
        if (code >= 500 || code == 0) {
            return new SendFailure(Kind.TRANSIENT, null, "HTTP " + code + ": " + e.getApiResponse());
        }
        return new SendFailure(Kind.PERMANENT, null, "HTTP " + code + ": " + e.getApiResponse());
    }
}
