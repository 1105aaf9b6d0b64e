package dev.socratic.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socratic.delivery.Outbox;
import dev.socratic.delivery.OutboxSender;
import dev.socratic.delivery.SendPacer;
import dev.socratic.tutor.Commands;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Pictures;
import dev.socratic.tutor.TurnProcessor;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The tutor on Telegram: long polling in, the outbox sender out. */
public final class TelegramBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    /** Sends to different chats in flight at once: enough to reach Telegram's 30 a second over a slow link. */
    private static final int PARALLEL_SENDS = 16;

    private final String token;
    private final ApiEndpoint endpoint;
    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private final Messages messages;
    private final OutboxSender sender;
    private final LearnerQueues queues = new LearnerQueues();
    // our own executors, so that closing the bot really ends every thread (the library's default leaks one)
    private final ScheduledExecutorService pollingExecutor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("telegram-polling").daemon(true).factory());
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("telegram-timers").daemon(true).factory());
    private final UpdateRouter router;
    private final TurnProcessor turns;
    private TelegramBotsLongPollingApplication polling;

    public TelegramBot(String token, URI apiUrl, Set<Long> allowedUsers, TurnProcessor turns, Outbox outbox,
                       Messages messages, Clock clock) {
        this(token, apiUrl, allowedUsers, turns, outbox, messages, clock, Pictures.NONE, SendPacer.telegram());
    }

    /**
     * @param pictures where the curriculum's pictures are read from when a message carries one
     * @param pacer    Telegram's limits in production; unlimited when a benchmark measures the bot itself
     */
    public TelegramBot(String token, URI apiUrl, Set<Long> allowedUsers, TurnProcessor turns, Outbox outbox,
                       Messages messages, Clock clock, Pictures pictures, SendPacer pacer) {
        this.token = token;
        this.endpoint = new ApiEndpoint(apiUrl);
        this.http = endpoint.httpClient();
        this.client = new OkHttpTelegramClient(http, token, endpoint.telegramUrl());
        this.messages = messages;
        this.turns = turns;
        this.sender = new OutboxSender(outbox, new TelegramSink(client, pictures), clock, pacer, PARALLEL_SENDS);
        this.router = new UpdateRouter(turns, sender, client, new AccessPolicy(allowedUsers), messages, queues, timers);
    }

    public void start() throws TelegramApiException {
        publishCommands();
        sender.start();
        router.resume(turns.unprocessed());
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> pollingExecutor);
        polling.registerBot(token, endpoint::telegramUrl, new DefaultGetUpdatesGenerator(), router);
        log.info("Telegram bot started; polling {}", endpoint.telegramUrl().getHost());
    }

    /** Messages were committed outside a turn (the weekly digest): send them now rather than at the next poll. */
    public void wakeSender() {
        sender.wake();
    }

    /** The command menu; a failure here is not worth refusing to start over. */
    private void publishCommands() {
        var commands = Commands.MENU.stream()
                .map(name -> new BotCommand(name, messages.get("command." + name)))
                .toList();
        try {
            client.execute(SetMyCommands.builder().commands(commands).build());
        } catch (TelegramApiException e) {
            log.warn("could not set the command menu: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                log.warn("stopping long polling: {}", e.getMessage());
            }
        }
        pollingExecutor.shutdownNow();
        queues.close();
        sender.close();
        timers.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
