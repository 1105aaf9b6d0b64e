package dev.socratic.telegram;

import dev.socratic.Fixtures;
import dev.socratic.bench.LocalBotApi;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.store.SqliteOutbox;
import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.Input;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Tutor;
import dev.socratic.tutor.TurnProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The real telegrambots client and long polling against a fake Bot API server on loopback. */
class TelegramBotEndToEndTest {

    private static final String TOKEN = "123456:TEST-token";
    private static final long LEARNER = 4242;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;
    private LocalBotApi api;
    private final Curriculum curriculum = Fixtures.curriculum();
    private Database database;
    private TelegramBot bot;

    @BeforeEach
    void startServer() throws Exception {
        api = new LocalBotApi(TOKEN);
    }

    @AfterEach
    void stopAll() {
        stopBot();
        api.close();
    }

    private void startBot(Set<Long> allowed) throws Exception {
        startBot(allowed, api.url());
    }

    private void startBot(Set<Long> allowed, URI url) throws Exception {
        var clock = Clock.systemUTC();
        database = Database.open(folder.resolve("tutor.db"));
        var messages = Messages.load();
        var turns = new TurnProcessor(new Tutor(curriculum, new KeyPointGrader(), messages),
                new SqliteLearnerStore(database, clock));
        bot = new TelegramBot(TOKEN, url, allowed, turns, new SqliteOutbox(database), messages, clock);
        bot.start();
    }

    private void stopBot() {
        if (bot != null) {
            bot.close();
            database.close();
            bot = null;
        }
    }

    private boolean awaitTexts(long chat, int count) throws InterruptedException {
        return api.await(a -> a.textsTo(chat).size() >= count, WAIT);
    }

    private String lastText(long chat) {
        return api.textsTo(chat).getLast();
    }

    @Test
    void teachesHintsRefusesAdvancesAndResumesAfterARestart() throws Exception {
        startBot(Set.of());
        var threads = curriculum.require("threads").check();

        api.pushText(LEARNER, "/start");
        assertThat(awaitTexts(LEARNER, 2)).isTrue();
        assertThat(lastText(LEARNER)).contains("A thread is one line of execution").endsWith(threads.prompt());

        api.pushText(LEARNER, "it is magic");
        assertThat(awaitTexts(LEARNER, 3)).isTrue();
        assertThat(lastText(LEARNER)).contains(threads.hints().getFirst()).doesNotContain(threads.answer());

        api.pushText(LEARNER, "/next");
        assertThat(awaitTexts(LEARNER, 4)).isTrue();
        assertThat(lastText(LEARNER)).contains("Not yet").endsWith(threads.prompt());

        api.pushText(LEARNER, threads.answer());
        assertThat(awaitTexts(LEARNER, 5)).isTrue();
        assertThat(lastText(LEARNER)).contains("that's it");
        var praise = api.calls("sendMessage").getLast().body();
        assertThat(praise.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText())
                .isEqualTo("next");

        api.pushButton(LEARNER, "next");
        assertThat(awaitTexts(LEARNER, 6)).isTrue();
        assertThat(lastText(LEARNER)).contains("<pre>").endsWith("What does this print?");
        assertThat(api.await(a -> !a.calls("answerCallbackQuery").isEmpty(), WAIT)).isTrue();

        stopBot();
        // a new session: updates the old one had not confirmed come again, and must not be answered twice
        startBot(Set.of());
        api.pushText(LEARNER, "/start");
        assertThat(awaitTexts(LEARNER, 8)).isTrue();
        Thread.sleep(500);

        var texts = api.textsTo(LEARNER);
        assertThat(texts).hasSize(8);
        assertThat(texts.get(6)).contains("Welcome back", "Locks");
        assertThat(texts.get(7)).endsWith("What does this print?");
    }

    @Test
    void sendsHtmlWithEscapingAndPublishesTheCommandMenu() throws Exception {
        startBot(Set.of());

        api.pushText(LEARNER, "/help");
        assertThat(awaitTexts(LEARNER, 1)).isTrue();

        var send = api.calls("sendMessage").getFirst().body();
        assertThat(send.path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        var commands = api.calls("setMyCommands").getFirst().body().path("commands");
        assertThat(commands).extracting(c -> c.path("command").asText()).contains("start", "next", "hint", "progress", "help");
    }

    @Test
    void aStrangerGetsOneShortRefusalAndLeavesNoTrace() throws Exception {
        startBot(Set.of(LEARNER));
        long stranger = 999;

        api.pushText(stranger, "/start");
        api.pushText(stranger, "hello?");
        api.pushText(LEARNER, "/start");
        assertThat(awaitTexts(LEARNER, 2)).isTrue();
        Thread.sleep(300);

        assertThat(api.textsTo(stranger)).containsExactly("Sorry, this tutor is private.");
        for (var table : new String[]{"learner", "learner_state", "event", "outbox", "processed_update"}) {
            var column = table.equals("learner") ? "id" : "learner_id";
            long rows = database.inTransaction(c -> {
                try (var r = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = " + stranger)) {
                    r.next();
                    return r.getLong(1);
                }
            });
            assertThat(rows).as(table).isZero();
        }
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedUntilDelivered() throws Exception {
        startBot(Set.of());
        api.failNextSends(1, 429);
        api.failNextSends(1, 502);

        api.pushText(LEARNER, "/help");

        assertThat(awaitTexts(LEARNER, 1)).isTrue();
        Thread.sleep(300);
        assertThat(api.textsTo(LEARNER)).hasSize(1);
    }

    @Test
    void aBaseUrlWithAPathPrefixesEveryCall() throws Exception {
        startBot(Set.of(), URI.create(api.url() + "/tg"));

        api.pushText(LEARNER, "/help");

        assertThat(awaitTexts(LEARNER, 1)).isTrue();
        assertThat(api.requestPaths()).allMatch(path -> path.startsWith("/tg/bot"));
    }

    @Test
    void aStickerGetsAFriendlyAnswer() throws Exception {
        startBot(Set.of());
        api.pushText(LEARNER, "/start");
        assertThat(awaitTexts(LEARNER, 2)).isTrue();

        api.pushText(LEARNER, "");

        assertThat(awaitTexts(LEARNER, 3)).isTrue();
        assertThat(lastText(LEARNER)).contains("didn't catch");
    }

    @Test
    void anUpdateReceivedButNotAnsweredBeforeACrashIsAnsweredAtTheNextStart() throws Exception {
        try (var crashed = Database.open(folder.resolve("tutor.db"))) {
            // the state a crash leaves: the update was kept (and so confirmed to Telegram), its turn never ran
            new SqliteLearnerStore(crashed, Clock.systemUTC())
                    .receive(java.util.List.of(new Inbound(LEARNER, LEARNER, 77L, new Input.Command("start", ""))));
        }

        startBot(Set.of());

        assertThat(awaitTexts(LEARNER, 2)).isTrue();
        assertThat(lastText(LEARNER)).endsWith(curriculum.require("threads").check().prompt());
    }
}
