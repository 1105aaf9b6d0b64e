package dev.socratic.telegram;

import dev.socratic.delivery.MessageSink;
import dev.socratic.delivery.SendFailure;
import dev.socratic.delivery.SendFailure.Kind;
import dev.socratic.tutor.Outbound;
import dev.socratic.tutor.Outbound.Button;
import dev.socratic.tutor.Outbound.CurriculumImage;
import dev.socratic.tutor.Outbound.LinkedImage;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Photo;
import dev.socratic.tutor.Outbound.RenderedImage;
import dev.socratic.tutor.Pictures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sends outbox messages through the Bot API, turning its errors into what the sender should do. */
final class TelegramSink implements MessageSink {

    private static final Logger log = LoggerFactory.getLogger(TelegramSink.class);
    /** About what fits across a phone screen in one row of buttons. */
    private static final int ONE_ROW_CHARS = 28;

    private final TelegramClient client;
    private final Pictures pictures;
    private final HtmlRenderer renderer = new HtmlRenderer();
    /**
     * Telegram's file id of each curriculum picture once uploaded: every later learner gets the same
     * file by id, so a picture is uploaded once per process instead of once per learner.
     */
    private final Map<String, String> uploaded = new ConcurrentHashMap<>();

    TelegramSink(TelegramClient client, Pictures pictures) {
        this.client = client;
        this.pictures = pictures;
    }

    @Override
    public void send(long chatId, Outbound outbound, int partsSent) throws SendFailure {
        var parts = switch (outbound) {
            case Message message -> messageParts(chatId, message);
            case Photo photo -> photoParts(chatId, photo);
        };
        // an earlier attempt delivered the first parts: the learner must not get them twice
        for (int i = partsSent; i < parts.size(); i++) {
            try {
                execute(parts.get(i));
            } catch (SendFailure failure) {
                throw failure.afterParts(i);
            }
        }
    }

    /**
     * sendPhoto (a multipart upload, or an address Telegram fetches) with the caption in HTML. The
     * tutor keeps captions within Telegram's limit; should one still be longer, it follows the
     * picture as its own message. A missing picture leaves its caption, as text.
     */
    private List<Call> photoParts(long chatId, Photo photo) {
        var file = switch (photo.image()) {
            case CurriculumImage stored -> Optional.ofNullable(uploaded.get(stored.key())).map(InputFile::new)
                    .or(() -> pictures.read(stored).map(bytes -> upload(bytes, stored)));
            case RenderedImage rendered -> Optional.of(upload(rendered.png(), rendered));
            // Telegram fetches a linked picture itself
            case LinkedImage linked -> Optional.of(new InputFile(linked.url()));
        };
        if (file.isEmpty()) {
            log.warn("picture {} is missing; sending its caption as text", photo.image().fileName());
            return photo.caption().map(caption -> messageParts(chatId, caption)).orElse(List.of());
        }
        var send = SendPhoto.builder()
                .chatId(chatId)
                .photo(file.get());
        Message after = null;
        if (photo.caption().isPresent()) {
            var message = photo.caption().get();
            var caption = renderer.render(message);
            if (caption.size() == 1 && message.plainText().length() <= Photo.MAX_CAPTION) {
                send.caption(caption.getFirst()).parseMode(ParseMode.HTML);
                if (!message.buttons().isEmpty()) {
                    send.replyMarkup(keyboard(message.buttons()));
                }
            } else {
                after = message;
            }
        }
        var request = send.build();
        var parts = new ArrayList<Call>();
        parts.add(() -> {
            try {
                remember(photo.image(), client.execute(request));
            } catch (TelegramApiRequestException e) {
                if (photo.image() instanceof CurriculumImage stored && Integer.valueOf(400).equals(e.getErrorCode())
                        && uploaded.remove(stored.key()) != null) {
                    // Telegram no longer knows the file id: the retry uploads the picture again
                    throw new TelegramApiException("picture " + stored.key() + " refused by file id; uploading it again");
                }
                throw e;
            }
        });
        if (after != null) {
            parts.addAll(messageParts(chatId, after));
        }
        return parts;
    }

    /** Keeps the file id Telegram gave an uploaded curriculum picture (the largest size it made). */
    private void remember(Outbound.Image image, org.telegram.telegrambots.meta.api.objects.message.Message sent) {
        if (image instanceof CurriculumImage stored && sent != null && sent.getPhoto() != null
                && !sent.getPhoto().isEmpty()) {
            uploaded.putIfAbsent(stored.key(), sent.getPhoto().getLast().getFileId());
        }
    }

    private static InputFile upload(byte[] png, Outbound.Image image) {
        return new InputFile(new ByteArrayInputStream(png), image.fileName());
    }

    /** A message as one sendMessage per part of at most 4096 characters, the buttons on the last. */
    private List<Call> messageParts(long chatId, Message message) {
        var texts = renderer.render(message);
        var parts = new ArrayList<Call>();
        for (int i = 0; i < texts.size(); i++) {
            var send = SendMessage.builder()
                    .chatId(chatId)
                    .text(texts.get(i))
                    .parseMode(ParseMode.HTML)
                    .disableWebPagePreview(true);
            boolean last = i == texts.size() - 1;
            if (last && !message.buttons().isEmpty()) {
                send.replyMarkup(keyboard(message.buttons()));
            }
            var request = send.build();
            parts.add(() -> client.execute(request));
        }
        return parts;
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

    /** One Bot API call. */
    @FunctionalInterface
    private interface Call {
        void run() throws TelegramApiException;
    }

    private void execute(Call call) throws SendFailure {
        try {
            call.run();
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
