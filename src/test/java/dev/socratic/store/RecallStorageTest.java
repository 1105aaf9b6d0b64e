package dev.socratic.store;

import dev.socratic.review.Card;
import dev.socratic.review.Deck;
import dev.socratic.review.FsrsScheduler;
import dev.socratic.review.Rating;
import dev.socratic.review.SummarySchedule;
import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.Input;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;
import dev.socratic.tutor.LearnerStore.CommitResult;
import dev.socratic.tutor.OpenQuiz;
import dev.socratic.tutor.Progress;
import dev.socratic.tutor.Recall;
import dev.socratic.tutor.Turn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecallStorageTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path folder;
    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private SqliteLearnerStore open() {
        database = Database.open(folder.resolve("tutor.db"));
        return new SqliteLearnerStore(database, CLOCK);
    }

    private static Inbound inbound(long updateId) {
        return new Inbound(42, 4242, updateId, new Input.Text("an answer"));
    }

    private static Recall someRecall() {
        var fsrs = new FsrsScheduler();
        var threads = fsrs.review(fsrs.first(Rating.GOOD, NOW.minus(Duration.ofDays(9))), Rating.HARD, NOW);
        var deck = new Deck(Map.of("threads", threads, "locks", fsrs.first(Rating.AGAIN, NOW)));
        var schedule = new SummarySchedule(ZoneId.of("Europe/Berlin"), DayOfWeek.MONDAY, 7, false);
        return new Recall(deck, Optional.of(new OpenQuiz(12, "threads", 1, 1, 2, "threads share memory")), 12, schedule,
                Optional.of("quizrun:0:locks"));
    }

    @Test
    void theReviewSideSurvivesARestartExactly() {
        var store = open();
        var state = new ReadyToAdvance(new Progress(List.of("threads", "locks"), Set.of("locks")), "locks");
        var recall = someRecall();

        assertThat(store.commit(inbound(1), 0, new Turn(state, List.of(), List.of(), Optional.of(recall))))
                .isEqualTo(CommitResult.COMMITTED);
        database.close();
        var loaded = open().load(42);

        assertThat(loaded.state()).isEqualTo(state);
        assertThat(loaded.recall()).isEqualTo(recall);
    }

    @Test
    void aTurnThatLeavesTheReviewSideAloneKeepsTheStoredOne() {
        var store = open();
        var state = new AwaitingAnswer(new Progress(List.of("threads"), Set.of()), "locks", 0);
        store.commit(inbound(1), 0, new Turn(state, List.of(), List.of(), Optional.of(someRecall())));

        store.commit(inbound(2), 1, new Turn(new AwaitingAnswer(state.progress(), "locks", 1), List.of(), List.of()));

        assertThat(store.load(42).recall()).isEqualTo(someRecall());
        assertThat(store.load(42).version()).isEqualTo(2);
    }

    @Test
    void aLearnerStoredBeforeReviewsExistedLoadsWithTheDefaults() throws Exception {
        var file = folder.resolve("old.db");
        var url = "jdbc:sqlite:" + file.toAbsolutePath();
        // a database as the first release left it: only migration 1, a state written by that code
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("1").load().migrate();
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO learner (id, chat_id, active, created_at) VALUES (42, 4242, 1, 0)");
            statement.executeUpdate("INSERT INTO learner_state (learner_id, version, state, updated_at) VALUES (42, 3, "
                    + "'{\"type\":\"ready-to-advance\",\"concept\":\"threads\",\"done\":[\"threads\"],\"revealed\":[]}', 0)");
        }

        database = Database.open(file);
        var loaded = new SqliteLearnerStore(database, CLOCK).load(42);

        assertThat(loaded.state()).isEqualTo(new ReadyToAdvance(new Progress(List.of("threads"), Set.of()), "threads"));
        assertThat(loaded.version()).isEqualTo(3);
        assertThat(loaded.recall()).isEqualTo(Recall.EMPTY);
    }

    @Test
    void aTimeZoneNoLongerKnownFallsBackToTheDefault() {
        var stored = "{\"cards\":{},\"quizzesAsked\":0,\"summary\":{\"zone\":\"Atlantis/Capital\",\"day\":\"MONDAY\",\"hour\":7,\"enabled\":true}}";

        var schedule = new RecallCodec().read(stored).schedule();

        assertThat(schedule).isEqualTo(new SummarySchedule(SummarySchedule.DEFAULT.zone(), DayOfWeek.MONDAY, 7, true));
    }

    @Test
    void cardsAreWrittenWithFullPrecision() {
        var codec = new RecallCodec();
        var card = new Card(0.1 + 0.2, 10.0 / 3.0, NOW.plusMillis(1), NOW, 3, 1);
        var recall = new Recall(new Deck(Map.of("x", card)), Optional.empty(), 0, SummarySchedule.DEFAULT);

        assertThat(codec.read(codec.write(recall))).isEqualTo(recall);
    }
}
