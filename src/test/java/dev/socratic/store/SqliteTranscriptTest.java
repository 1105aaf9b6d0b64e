package dev.socratic.store;

import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.Input;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerStore.CommitResult;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Transcript.Line;
import dev.socratic.tutor.Transcript.Role;
import dev.socratic.tutor.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteTranscriptTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;
    private Database database;
    private SqliteLearnerStore store;
    private SqliteTranscript transcript;

    private void open() {
        database = Database.open(folder.resolve("tutor.db"));
        store = new SqliteLearnerStore(database, CLOCK);
        transcript = new SqliteTranscript(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private CommitResult turn(long learner, Long updateId, Input input, String reply) {
        return store.commit(new Inbound(learner, learner, updateId, input), store.load(learner).version(),
                new Turn(new NotStarted(), List.of(new Message(List.of(new Paragraph(reply)), List.of())), List.of()));
    }

    @Test
    void eachTurnAddsTheLearnersLineAndTheTutorsAndTheySurviveARestart() {
        open();
        turn(1, 10L, new Input.Command("hint", ""), "Where does the list live?");
        turn(1, 11L, new Input.Text("in memory"), "Whose memory?");

        database.close();
        open();

        assertThat(transcript.recent(1, 3)).containsExactly(
                new Line(Role.TUTOR, "Where does the list live?"),
                new Line(Role.LEARNER, "in memory"),
                new Line(Role.TUTOR, "Whose memory?"));
    }

    @Test
    void aRedeliveredUpdateAddsNothing() {
        open();
        turn(1, 10L, new Input.Text("in memory"), "Whose memory?");

        assertThat(turn(1, 10L, new Input.Text("in memory"), "Whose memory?")).isEqualTo(CommitResult.DUPLICATE);
        assertThat(transcript.recent(1, 10)).hasSize(2);
    }

    @Test
    void onlyTheLatestLinesAreKeptAndEachLearnerHasTheirOwn() {
        open();
        for (int i = 0; i < SqliteTranscript.KEPT_LINES; i++) {
            turn(1, null, new Input.Text("answer " + i), "reply " + i);
        }
        turn(2, null, new Input.Text("someone else"), "hello");

        var kept = transcript.recent(1, 1_000);
        assertThat(kept).hasSize(SqliteTranscript.KEPT_LINES);
        assertThat(kept.getLast()).isEqualTo(new Line(Role.TUTOR, "reply " + (SqliteTranscript.KEPT_LINES - 1)));
        assertThat(transcript.recent(2, 10)).extracting(Line::text).containsExactly("someone else", "hello");
    }

    @Test
    void aVeryLongLineIsCutWhenStored() {
        open();
        turn(1, null, new Input.Text("x".repeat(50_000)), "ok");

        assertThat(transcript.recent(1, 2).getFirst().text()).hasSize(SqliteTranscript.MAX_CHARS);
    }
}
