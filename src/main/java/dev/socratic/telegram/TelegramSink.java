package dev.socratic.telegram;

import dev.socratic.delivery.MessageSink;
import dev.socratic.delivery.SendFailure;
import dev.socratic.delivery.SendFailure.Kind;
import dev.socratic.tutor.Outbound;
import dev.socratic.tutor.Outbound.Button;
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
import java.util.ArrayList;
import java.util.List;

/** Sends outbox messages through the Bot API, turning its errors into what the sender should do. */
final class TelegramSink implements MessageSink {

    /** About what fits across a phone screen in one row of buttons. */
    private static final int ONE_ROW_CHARS = 28;

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
                send.replyMarkup(keyboard(message.buttons()));
            }
            execute(send.build());
        }
    }

    /** Short labels side by side; longer ones (quiz options, recall questions) one per row, so none is cut. */
    static InlineKeyboardMarkup keyboard(List<Button> buttons) {
        int total = buttons.stream().mapToInt(button -> button.label().length()).sum();
        var rows = new ArrayList<InlineKeyboardRow>();
        for (var button : buttons) {
            if (rows.isEmpty() || total > ONE_ROW_CHARS) {
                rows.add(new InlineKeyboardRow());
            }
            rows.getLast().add(InlineKeyboardButton.builder().text(button.label()).callbackData(button.data()).build());
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
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
