package dev.socratic.delivery;

import dev.socratic.MutableClock;
import dev.socratic.delivery.SendFailure.Kind;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.store.SqliteOutbox;
import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.Input;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.Outbound;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxSenderTest {

    @TempDir
    Path folder;
    private Database database;
    private SqliteLearnerStore store;
    private SqliteOutbox outbox;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tutor.db"));
        store = new SqliteLearnerStore(database, clock);
        outbox = new SqliteOutbox(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void enqueue(long learnerId, String... texts) {
        var messages = new ArrayList<Outbound>();
        for (var text : texts) {
            messages.add(new Message(List.of(new Paragraph(text)), List.of()));
        }
        long expected = store.load(learnerId).version();
        store.commit(new Inbound(learnerId, learnerId, null, new Input.Text("x")), expected,
                new Turn(new NotStarted(), messages, List.of()));
    }

    private OutboxSender sender() {
        return new OutboxSender(outbox, sink, clock);
    }

    @Test
    void sendsEachChatsMessagesInOrderExactlyOnce() throws InterruptedException {
        enqueue(1, "a1", "a2");
        enqueue(2, "b1");
        enqueue(1, "a3");

        sender().drainDue();
        sender().drainDue();

        assertThat(sink.sentTo(1)).containsExactly("a1", "a2", "a3");
        assertThat(sink.sentTo(2)).containsExactly("b1");
    }

    @Test
    void aRateLimitPausesSendingForRetryAfterThenSendsInOrder() throws InterruptedException {
        enqueue(1, "first", "second");
        sink.failNext(new SendFailure(Kind.RETRY_AFTER, Duration.ofSeconds(3), "429"));
        var sender = sender();

        sender.drainDue();
        assertThat(sink.sentTo(1)).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        sender.drainDue();
        assertThat(sink.sentTo(1)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        sender.drainDue();
        assertThat(sink.sentTo(1)).containsExactly("first", "second");
    }

    @Test
    void aRetryStartsAfterThePartsAlreadyDeliveredAndSoDoesTheRetryAfterARestart() throws InterruptedException {
        enqueue(1, "long");
        sink.failNext(new SendFailure(Kind.RETRY_AFTER, Duration.ofSeconds(1), "429").afterParts(1));
        sink.failNext(new SendFailure(Kind.TRANSIENT, null, "502").afterParts(2));
        sender().drainDue();
        clock.advance(Duration.ofSeconds(1));
        sender().drainDue();

        clock.advance(Duration.ofMinutes(5));
        new OutboxSender(new SqliteOutbox(database), sink, clock).drainDue();

        assertThat(sink.sentTo(1)).containsExactly("from part 2: long");
    }

    @Test
    void aServerErrorIsRetriedWithBackoff() throws InterruptedException {
        enqueue(1, "hello");
        sink.failNext(new SendFailure(Kind.TRANSIENT, null, "502"));
        var sender = sender();

        sender.drainDue();
        assertThat(sink.sentTo(1)).isEmpty();

        clock.advance(OutboxSender.backoff(0));
        sender.drainDue();
        assertThat(sink.sentTo(1)).containsExactly("hello");
    }

    @Test
    void aBlockedLearnerIsMarkedInactiveAndNotRetried() throws InterruptedException {
        enqueue(1, "hello");
        sink.failNext(new SendFailure(Kind.BLOCKED, null, "403"));

        sender().drainDue();
        clock.advance(Duration.ofHours(1));
        sender().drainDue();

        assertThat(sink.sentTo(1)).isEmpty();
        int active = database.inTransaction(c -> {
            try (var rows = c.createStatement().executeQuery("SELECT active FROM learner WHERE id = 1")) {
                rows.next();
                return rows.getInt(1);
            }
        });
        assertThat(active).isZero();
    }

    @Test
    void aMessageInFlightDuringACrashIsNeverSentAgain() throws InterruptedException {
        enqueue(1, "maybe delivered", "next one");
        var due = outbox.due(clock.instant(), 10);
        assertThat(outbox.claim(due.getFirst().id())).isTrue();
        // the process dies here, before the send is confirmed; a new sender starts on the same table

        var restarted = sender();
        assertThat(outbox.abandonInFlight()).isEqualTo(1);
        restarted.drainDue();

        assertThat(sink.sentTo(1)).containsExactly("next one");
    }

    @Test
    void backoffGrowsAndIsCapped() {
        assertThat(OutboxSender.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxSender.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(OutboxSender.backoff(30)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aSendCutOffByShutdownIsNotSentAgainAfterTheRestart() throws InterruptedException {
        enqueue(1, "cut off");
        var holder = new OutboxSender[1];
        MessageSink interrupted = (chatId, message, partsSent) -> {
            // what an interrupted HTTP call looks like: the request may be out, the answer never comes
            holder[0].close();
            throw new SendFailure(Kind.TRANSIENT, null, "interrupted");
        };
        holder[0] = new OutboxSender(outbox, interrupted, clock);

        holder[0].drainDue();

        assertThat(outbox.abandonInFlight()).isEqualTo(1);
        sender().drainDue();
        assertThat(sink.sentTo(1)).isEmpty();
    }

    private static final class RecordingSink implements MessageSink {
        private final List<long[]> chats = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private final Deque<SendFailure> failures = new ArrayDeque<>();

        void failNext(SendFailure failure) {
            failures.add(failure);
        }

        @Override
        public void send(long chatId, Outbound message, int partsSent) throws SendFailure {
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            chats.add(new long[]{chatId});
            texts.add((partsSent > 0 ? "from part " + partsSent + ": " : "") + ((Message) message).plainText());
        }

        List<String> sentTo(long chatId) {
            var result = new ArrayList<String>();
            for (int i = 0; i < chats.size(); i++) {
                if (chats.get(i)[0] == chatId) {
                    result.add(texts.get(i));
                }
            }
            return result;
        }
    }
}
