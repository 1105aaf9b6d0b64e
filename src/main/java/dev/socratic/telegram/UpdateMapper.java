package dev.socratic.telegram;

import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.Input;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.Optional;

/** Turns a Telegram update into the core's input, or nothing for updates a tutor ignores (edits, joins…). */
final class UpdateMapper {

    /** A learner's message, plus the callback id to acknowledge when it came from a button. */
    record Incoming(Inbound inbound, String callbackId) {
    }

    private UpdateMapper() {
    }

    static Optional<Incoming> map(Update update) {
        long updateId = update.getUpdateId() == null ? -1 : update.getUpdateId();
        if (update.hasMessage() && update.getMessage().getFrom() != null) {
            var message = update.getMessage();
            // a sticker, photo or voice note has no text: the core treats it as an empty answer and says so
            var input = message.hasText() ? Input.parse(message.getText()) : new Input.Text("");
            return Optional.of(new Incoming(
                    new Inbound(message.getFrom().getId(), message.getChatId(), updateId, input), null));
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getFrom() != null) {
            var query = update.getCallbackQuery();
            long learnerId = query.getFrom().getId();
            long chatId = query.getMessage() != null ? query.getMessage().getChatId() : learnerId;
            return Optional.of(new Incoming(
                    new Inbound(learnerId, chatId, updateId, new Input.Choice(query.getData())), query.getId()));
        }
        return Optional.empty();
    }
}
