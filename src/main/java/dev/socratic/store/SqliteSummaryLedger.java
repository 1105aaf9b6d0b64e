package dev.socratic.store;

import dev.socratic.digest.SummaryLedger;
import dev.socratic.tutor.Event;
import dev.socratic.tutor.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The sent_summary table, with the learners and the outbox it goes with. */
public final class SqliteSummaryLedger implements SummaryLedger {

    private static final Logger log = LoggerFactory.getLogger(SqliteSummaryLedger.class);

    private final Database database;
    private final Clock clock;
    private final StateCodec states = new StateCodec();
    private final RecallCodec recalls = new RecallCodec();
    private final OutboundCodec outbound = new OutboundCodec();

    public SqliteSummaryLedger(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<Candidate> candidates() {
        return database.inTransaction(connection -> {
            try (var select = connection.prepareStatement("""
                    SELECT l.id, l.chat_id, s.state, s.recall,
                           (SELECT MIN(e.at) FROM event e WHERE e.learner_id = l.id AND e.type = ?)
                    FROM learner l JOIN learner_state s ON s.learner_id = l.id
                    WHERE l.active = 1 ORDER BY l.id""")) {
                select.setString(1, Event.Type.CONCEPT_INTRODUCED.name());
                var candidates = new ArrayList<Candidate>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        long first = rows.getLong(5);
                        var firstLesson = rows.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(first));
                        try {
                            candidates.add(new Candidate(rows.getLong(1), rows.getLong(2), states.read(rows.getString(3)),
                                    recalls.read(rows.getString(4)), firstLesson));
                        } catch (StoreException e) {
                            // one unreadable learner must not keep everyone else's summary back
                            log.error("learner {} is skipped by the weekly digest: {}", rows.getLong(1), e.getMessage());
                        }
                    }
                }
                return candidates;
            }
        });
    }

    @Override
    public boolean isSent(long learnerId, LocalDate weekStart) {
        return database.inTransaction(connection -> {
            try (var select = connection.prepareStatement(
                    "SELECT 1 FROM sent_summary WHERE learner_id = ? AND week_start = ?")) {
                select.setLong(1, learnerId);
                select.setString(2, weekStart.toString());
                try (var rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public boolean record(Candidate learner, LocalDate weekStart, Instant dueAt, Outbound summary) {
        long now = clock.millis();
        return database.inTransaction(connection -> {
            try (var mark = connection.prepareStatement("""
                    INSERT INTO sent_summary (learner_id, week_start, due_at, sent_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (learner_id, week_start) DO NOTHING""")) {
                mark.setLong(1, learner.learnerId());
                mark.setString(2, weekStart.toString());
                mark.setLong(3, dueAt.toEpochMilli());
                mark.setLong(4, now);
                if (mark.executeUpdate() == 0) {
                    return false;
                }
            }
            try (var event = connection.prepareStatement(
                    "INSERT INTO event (learner_id, at, type, concept_id, detail) VALUES (?, ?, ?, '', ?)")) {
                event.setLong(1, learner.learnerId());
                event.setLong(2, now);
                event.setString(3, Event.Type.SUMMARY_SENT.name());
                event.setString(4, weekStart.toString());
                event.executeUpdate();
            }
            try (var enqueue = connection.prepareStatement("""
                    INSERT INTO outbox (learner_id, chat_id, payload, status, attempts, not_before, created_at)
                    VALUES (?, ?, ?, 'pending', 0, ?, ?)""")) {
                enqueue.setLong(1, learner.learnerId());
                enqueue.setLong(2, learner.chatId());
                enqueue.setString(3, outbound.write(summary));
                enqueue.setLong(4, now);
                enqueue.setLong(5, now);
                enqueue.executeUpdate();
            }
            return true;
        });
    }
}
