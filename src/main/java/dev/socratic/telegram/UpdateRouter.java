package dev.socratic.telegram;

import dev.socratic.delivery.OutboxSender;
import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.TurnProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Receives updates on the library's polling thread and hands each learner's turn to that learner's
 * queue, so a slow turn never holds up polling or other learners.
 */
final class UpdateRouter implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);
    private static final long TYPING_AFTER_MS = 800;

    private final TurnProcessor turns;
    private final OutboxSender sender;
    private final TelegramClient client;
    private final AccessPolicy access;
    private final Messages messages;
    private final LearnerQueues queues;
    private final ScheduledExecutorService timers;

    UpdateRouter(TurnProcessor turns, OutboxSender sender, TelegramClient client, AccessPolicy access,
                 Messages messages, LearnerQueues queues, ScheduledExecutorService timers) {
        this.turns = turns;
        this.sender = sender;
        this.client = client;
        this.access = access;
        this.messages = messages;
        this.queues = queues;
        this.timers = timers;
    }

    /**
     * Runs on the library's polling thread: keeps the batch in the inbox (one transaction), then
     * queues each turn. The next poll confirms these updates to Telegram, so they must be kept first.
     */
    @Override
    public void consume(List<Update> updates) {
        var accepted = new ArrayList<UpdateMapper.Incoming>();
        for (var update : updates) {
            try {
                admit(update).ifPresent(accepted::add);
            } catch (RuntimeException e) {
                log.error("update {} could not be read", update.getUpdateId(), e);
            }
        }
        try {
            turns.receive(accepted.stream().map(UpdateMapper.Incoming::inbound).toList());
        } catch (RuntimeException e) {
            // still answer them; only a crash before their turns end could lose them now
            log.error("{} update(s) could not be kept in the inbox", accepted.size(), e);
        }
        accepted.forEach(incoming -> queues.submit(incoming.inbound().learnerId(), () -> turn(incoming)));
    }

    /** Turns a crash interrupted: run them again, in the order they came. */
    void resume(List<Inbound> unprocessed) {
        if (!unprocessed.isEmpty()) {
            log.info("resuming {} update(s) received before a stop", unprocessed.size());
        }
        unprocessed.forEach(inbound -> queues.submit(inbound.learnerId(),
                () -> turn(new UpdateMapper.Incoming(inbound, null))));
    }

    /** The learner's message if they may use the bot; a stranger gets one refusal and leaves no trace. */
    private Optional<UpdateMapper.Incoming> admit(Update update) {
        var mapped = UpdateMapper.map(update);
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        var incoming = mapped.get();
        long learnerId = incoming.inbound().learnerId();
        if (!access.allows(learnerId)) {
            if (access.shouldRefuse(learnerId)) {
                timers.execute(() -> sendDirect(incoming.inbound().chatId(), messages.get("refused")));
            }
            return Optional.empty();
        }
        return mapped;
    }

    private void turn(UpdateMapper.Incoming incoming) {
        long chatId = incoming.inbound().chatId();
        var typing = timers.schedule(() -> sendTyping(chatId), TYPING_AFTER_MS, TimeUnit.MILLISECONDS);
        try {
            turns.process(incoming.inbound());
            sender.wake();
        } catch (RuntimeException e) {
            log.error("the turn of learner {} failed", incoming.inbound().learnerId(), e);
            sendDirect(chatId, messages.get("error.turn"));
        } finally {
            typing.cancel(false);
            if (incoming.callbackId() != null) {
                acknowledge(incoming.callbackId());
            }
        }
    }

    private void sendTyping(long chatId) {
        try {
            client.execute(SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build());
        } catch (TelegramApiException e) {
            log.debug("typing indicator for chat {} failed: {}", chatId, e.getMessage());
        }
    }

    /** Stops the spinner on the pressed button. */
    private void acknowledge(String callbackId) {
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId).build());
        } catch (TelegramApiException e) {
            log.debug("callback {} could not be acknowledged: {}", callbackId, e.getMessage());
        }
    }

    /** For replies that must not touch the store: refusals and apologies. */
    private void sendDirect(long chatId, String text) {
        try {
            client.execute(SendMessage.builder().chatId(chatId).text(text).build());
        } catch (TelegramApiException e) {
            log.warn("a direct message to chat {} failed: {}", chatId, e.getMessage());
        }
    }
}
