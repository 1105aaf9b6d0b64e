package dev.socratic.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socratic.Fixtures;
import dev.socratic.bench.LocalBotApi;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.delivery.OutboxSender;
import dev.socratic.digest.WeeklyDigest;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.review.FsrsScheduler;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteEventLog;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.store.SqliteOutbox;
import dev.socratic.store.SqliteSummaryLedger;
import dev.socratic.tutor.Conversation;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Outbound.Button;
import dev.socratic.tutor.SummaryReport;
import dev.socratic.tutor.Tutor;
import dev.socratic.tutor.TurnProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Quizzes with buttons and the weekly summary, through the real telegrambots client and a fake Bot API. */
class TelegramQuizEndToEndTest {

    private static final String TOKEN = "123456:TEST-token";
    private static final long LEARNER = 4343;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;
    private final Curriculum curriculum = Fixtures.curriculum();
    private final Clock clock = Clock.systemUTC();
    private LocalBotApi api;
    private Database database;
    private TurnProcessor turns;
    private SummaryReport summaries;
    private TelegramBot bot;

    @BeforeEach
    void start() throws Exception {
        api = new LocalBotApi(TOKEN);
        database = Database.open(folder.resolve("tutor.db"));
        var messages = Messages.load();
        var grader = new KeyPointGrader();
        var fsrs = new FsrsScheduler();
        summaries = new SummaryReport(curriculum, messages, fsrs, new SqliteEventLog(database));
        turns = new TurnProcessor(new Conversation(curriculum, new Tutor(curriculum, grader, messages), grader, messages,
                fsrs, summaries, clock), new SqliteLearnerStore(database, clock));
        bot = new TelegramBot(TOKEN, api.url(), Set.of(), turns, new SqliteOutbox(database), messages, clock);
        bot.start();
    }

    @AfterEach
    void stop() {
        bot.close();
        database.close();
        api.close();
    }

    private boolean awaitTexts(int count) throws InterruptedException {
        return api.await(a -> a.textsTo(LEARNER).size() >= count, WAIT);
    }

    private JsonNode lastSend() {
        return api.calls("sendMessage").getLast().body();
    }

    private static List<List<String>> keyboard(JsonNode send) {
        var rows = new ArrayList<List<String>>();
        for (var row : send.path("reply_markup").path("inline_keyboard")) {
            var data = new ArrayList<String>();
            row.forEach(button -> data.add(button.path("callback_data").asText()));
            rows.add(data);
        }
        return rows;
    }

    private long quizAnswers() {
        return database.inTransaction(c -> {
            try (var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM event WHERE type = 'QUIZ_ANSWERED'")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Test
    void aMultipleChoiceQuizIsAnsweredByButtonAndAnOldButtonChangesNothing() throws Exception {
        api.pushText(LEARNER, "/start");
        assertThat(awaitTexts(2)).isTrue();
        api.pushText(LEARNER, curriculum.require("threads").check().answer());
        assertThat(awaitTexts(3)).isTrue();

        api.pushText(LEARNER, "/quiz");
        assertThat(awaitTexts(4)).isTrue();
        assertThat(api.textsTo(LEARNER).getLast()).contains("<b>Quiz: Threads</b>", "Do threads share memory?");
        assertThat(keyboard(lastSend())).containsExactly(List.of("quiz:1:0", "quiz:1:1"));

        api.pushButton(LEARNER, "quiz:1:0");
        assertThat(awaitTexts(6)).isTrue();
        var texts = api.textsTo(LEARNER);
        assertThat(texts.get(4)).contains("that's it", "again in");
        assertThat(texts.get(5)).contains("Ready for the next concept?");

        api.pushButton(LEARNER, "quiz:1:1");
        assertThat(awaitTexts(7)).isTrue();
        assertThat(api.textsTo(LEARNER).getLast()).contains("earlier quiz", "changes nothing");
        assertThat(api.await(a -> a.calls("answerCallbackQuery").size() >= 2, WAIT)).isTrue();
        assertThat(quizAnswers()).isEqualTo(1);
    }

    @Test
    void theCommandMenuOffersQuizSummaryAndSettings() throws Exception {
        assertThat(api.await(a -> !a.calls("setMyCommands").isEmpty(), WAIT)).isTrue();

        var commands = api.calls("setMyCommands").getFirst().body().path("commands");

        assertThat(commands).extracting(c -> c.path("command").asText()).contains("quiz", "summary", "settings");
    }

    @Test
    void theWeeklySummaryReachesTelegramWithItsRecallButtons() throws Exception {
        api.pushText(LEARNER, "/start");
        api.pushText(LEARNER, curriculum.require("threads").check().answer());
        assertThat(awaitTexts(3)).isTrue();
        var digest = new WeeklyDigest(summaries, new SqliteSummaryLedger(database, clock));

        // the digest command's way: record the summaries, then drain the outbox through its own client
        var result = digest.sendDue(clock.instant().plus(Duration.ofDays(8)), id -> true);
        try (var delivery = new TelegramDelivery(TOKEN, api.url())) {
            new OutboxSender(new SqliteOutbox(database), delivery.sink(), clock).drainDue();
        }

        assertThat(result.sent()).isEqualTo(1);
        assertThat(awaitTexts(4)).isTrue();
        var summary = api.calls("sendMessage").stream()
                .filter(call -> call.text().contains("Your week in review")).toList();
        assertThat(summary).singleElement().satisfies(call -> {
            assertThat(call.text()).contains("\n• Learned this week (1): Threads.\n• No quiz reviews this week.\n");
            assertThat(keyboard(call.body())).containsExactly(List.of("recall:0:threads"));
        });

        api.pushButton(LEARNER, "recall:0:threads");
        assertThat(awaitTexts(5)).isTrue();
        assertThat(api.textsTo(LEARNER).getLast()).contains("Quiz: Threads");
    }

    @Test
    void shortButtonLabelsShareARowAndLongOnesGetOneEach() {
        var shortOnes = TelegramSink.keyboard(List.of(new Button("yes", "a"), new Button("no", "b")));
        var longOnes = TelegramSink.keyboard(List.of(new Button("1. Threads and processes", "a"),
                new Button("2. The global interpreter lock", "b")));

        assertThat(shortOnes.getKeyboard()).hasSize(1);
        assertThat(longOnes.getKeyboard()).hasSize(2);
    }
}
