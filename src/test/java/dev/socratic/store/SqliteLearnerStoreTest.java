package dev.socratic.store;

import dev.socratic.tutor.Event;
import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.Input;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;
import dev.socratic.tutor.LearnerStore.CommitResult;
import dev.socratic.tutor.Outbound;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Progress;
import dev.socratic.tutor.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteLearnerStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;
    private Database database;

    private SqliteLearnerStore open() {
        database = Database.open(folder.resolve("tutor.db"));
        return new SqliteLearnerStore(database, CLOCK);
    }

    /** A restart: the old connection is gone, a new one opens the same file. */
    private SqliteLearnerStore restart() {
        database.close();
        return open();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Inbound inbound(Long updateId) {
        return new Inbound(42, 4242, updateId, new Input.Text("an answer"));
    }

    private static Turn turn(String conceptId, String reply) {
        return new Turn(new AwaitingAnswer(new Progress(List.of("threads"), Set.of("threads")), conceptId, 1, "threads share memory"),
                List.of(new Message(List.of(new Paragraph(reply)), List.of(new Outbound.Button("Ready ▶", "next")))),
                List.of(new Event(Event.Type.HINT_GIVEN, conceptId, "1")));
    }

    private long count(String table) {
        return database.inTransaction(connection -> {
            try (var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Test
    void anUnknownLearnerHasNotStartedAtVersionZero() {
        var store = open();

        assertThat(store.load(7)).isEqualTo(new SqliteLearnerStore.Versioned(new NotStarted(), 0));
    }

    @Test
    void aCommittedTurnSurvivesARestart() {
        var store = open();
        assertThat(store.commit(inbound(1L), 0, turn("locks", "hi"))).isEqualTo(CommitResult.COMMITTED);

        var loaded = restart().load(42);

        assertThat(loaded.state()).isEqualTo(turn("locks", "hi").state());
        assertThat(loaded.version()).isEqualTo(1);
    }

    @Test
    void aTurnWritesStateEventsOutboxAndUpdateIdTogether() {
        var store = open();

        store.commit(inbound(1L), 0, turn("locks", "hi"));

        assertThat(count("learner")).isEqualTo(1);
        assertThat(count("event")).isEqualTo(1);
        assertThat(count("outbox")).isEqualTo(1);
        assertThat(count("processed_update")).isEqualTo(1);
    }

    @Test
    void aRedeliveredUpdateChangesAndSendsNothing() {
        var store = open();
        store.commit(inbound(1L), 0, turn("locks", "first"));

        var again = store.commit(inbound(1L), 1, turn("pools", "second"));

        assertThat(again).isEqualTo(CommitResult.DUPLICATE);
        assertThat(store.isProcessed(1L)).isTrue();
        assertThat(((AwaitingAnswer) store.load(42).state()).conceptId()).isEqualTo("locks");
        assertThat(count("outbox")).isEqualTo(1);
        assertThat(count("event")).isEqualTo(1);
    }

    @Test
    void aStaleVersionIsAConflictAndWritesNothing() {
        var store = open();
        store.commit(inbound(1L), 0, turn("locks", "first"));

        assertThat(store.commit(inbound(2L), 0, turn("pools", "second"))).isEqualTo(CommitResult.CONFLICT);
        assertThat(store.isProcessed(2L)).isFalse();
        assertThat(count("outbox")).isEqualTo(1);
    }

    @Test
    void versionsCountUpTurnByTurn() {
        var store = open();
        store.commit(inbound(null), 0, turn("locks", "a"));
        store.commit(inbound(null), 1, new Turn(new ReadyToAdvance(Progress.EMPTY, "locks"), List.of(), List.of()));

        assertThat(store.load(42)).isEqualTo(
                new SqliteLearnerStore.Versioned(new ReadyToAdvance(Progress.EMPTY, "locks"), 2));
    }

    @Test
    void theDatabaseRunsInWalModeWithForeignKeys() throws SQLException {
        open();

        var settings = database.inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                var mode = statement.executeQuery("PRAGMA journal_mode");
                mode.next();
                var journal = mode.getString(1);
                var keys = statement.executeQuery("PRAGMA foreign_keys");
                keys.next();
                return journal + "/" + keys.getInt(1);
            }
        });

        assertThat(settings).isEqualTo("wal/1");
    }

    @Test
    void receivedUpdatesWaitInTheInboxUntilTheirTurnCommits() {
        var store = open();
        store.receive(List.of(inbound(1L), inbound(2L), inbound(null)));

        assertThat(restart().unprocessed()).extracting(Inbound::updateId).containsExactly(1L, 2L);

        var reopened = restart();
        reopened.commit(inbound(1L), 0, turn("locks", "hi"));
        assertThat(reopened.unprocessed()).extracting(Inbound::updateId).containsExactly(2L);
        assertThat(reopened.unprocessed().getFirst().input()).isEqualTo(new Input.Text("an answer"));
    }

    @Test
    void anUpdateAlreadyProcessedIsNotKeptAgain() {
        var store = open();
        store.commit(inbound(1L), 0, turn("locks", "hi"));

        store.receive(List.of(inbound(1L)));

        assertThat(store.unprocessed()).isEmpty();
    }
}
