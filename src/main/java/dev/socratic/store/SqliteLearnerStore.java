package dev.socratic.store;

import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerStore;
import dev.socratic.tutor.Turn;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/** Learner states, events, outbox rows and processed update ids, written together in one transaction per turn. */
public final class SqliteLearnerStore implements LearnerStore {

    private final Database database;
    private final Clock clock;
    private final StateCodec states = new StateCodec();
    private final OutboundCodec outbound = new OutboundCodec();

    public SqliteLearnerStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Versioned load(long learnerId) {
        return database.inTransaction(connection -> {
            try (var select = connection.prepareStatement("SELECT state, version FROM learner_state WHERE learner_id = ?")) {
                select.setLong(1, learnerId);
                try (var rows = select.executeQuery()) {
                    return rows.next() ? new Versioned(states.read(rows.getString(1)), rows.getLong(2))
                            : new Versioned(new NotStarted(), 0);
                }
            }
        });
    }

    @Override
    public boolean isProcessed(long updateId) {
        return database.inTransaction(connection -> {
            try (var select = connection.prepareStatement("SELECT 1 FROM processed_update WHERE update_id = ?")) {
                select.setLong(1, updateId);
                try (var rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public CommitResult commit(Inbound inbound, long expectedVersion, Turn turn) {
        long now = clock.millis();
        return database.inTransaction(connection -> {
            upsertLearner(connection, inbound, now);
            if (inbound.updateId() != null && !recordUpdate(connection, inbound, now)) {
                connection.rollback();
                return CommitResult.DUPLICATE;
            }
            if (!writeState(connection, inbound.learnerId(), expectedVersion, turn, now)) {
                connection.rollback();
                return CommitResult.CONFLICT;
            }
            appendEvents(connection, inbound.learnerId(), turn, now);
            enqueue(connection, inbound, turn, now);
            SqliteTranscript.append(connection, inbound, turn, now);
            return CommitResult.COMMITTED;
        });
    }

    private static void upsertLearner(Connection connection, Inbound inbound, long now) throws SQLException {
        try (var upsert = connection.prepareStatement("""
                INSERT INTO learner (id, chat_id, active, created_at) VALUES (?, ?, 1, ?)
                ON CONFLICT (id) DO UPDATE SET chat_id = excluded.chat_id, active = 1""")) {
            upsert.setLong(1, inbound.learnerId());
            upsert.setLong(2, inbound.chatId());
            upsert.setLong(3, now);
            upsert.executeUpdate();
        }
    }

    private static boolean recordUpdate(Connection connection, Inbound inbound, long now) throws SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO processed_update (update_id, learner_id, at) VALUES (?, ?, ?)
                ON CONFLICT (update_id) DO NOTHING""")) {
            insert.setLong(1, inbound.updateId());
            insert.setLong(2, inbound.learnerId());
            insert.setLong(3, now);
            return insert.executeUpdate() == 1;
        }
    }

    private boolean writeState(Connection connection, long learnerId, long expectedVersion, Turn turn, long now)
            throws SQLException {
        var json = states.write(turn.state());
        if (expectedVersion == 0) {
            try (var insert = connection.prepareStatement("""
                    INSERT INTO learner_state (learner_id, version, state, updated_at) VALUES (?, 1, ?, ?)
                    ON CONFLICT (learner_id) DO NOTHING""")) {
                insert.setLong(1, learnerId);
                insert.setString(2, json);
                insert.setLong(3, now);
                return insert.executeUpdate() == 1;
            }
        }
        try (var update = connection.prepareStatement("""
                UPDATE learner_state SET version = version + 1, state = ?, updated_at = ?
                WHERE learner_id = ? AND version = ?""")) {
            update.setString(1, json);
            update.setLong(2, now);
            update.setLong(3, learnerId);
            update.setLong(4, expectedVersion);
            return update.executeUpdate() == 1;
        }
    }

    private static void appendEvents(Connection connection, long learnerId, Turn turn, long now) throws SQLException {
        try (var insert = connection.prepareStatement(
                "INSERT INTO event (learner_id, at, type, concept_id, detail) VALUES (?, ?, ?, ?, ?)")) {
            for (var event : turn.events()) {
                insert.setLong(1, learnerId);
                insert.setLong(2, now);
                insert.setString(3, event.type().name());
                insert.setString(4, event.conceptId());
                insert.setString(5, event.detail());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void enqueue(Connection connection, Inbound inbound, Turn turn, long now) throws SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO outbox (learner_id, chat_id, payload, status, attempts, not_before, created_at)
                VALUES (?, ?, ?, 'pending', 0, ?, ?)""")) {
            for (var message : turn.messages()) {
                insert.setLong(1, inbound.learnerId());
                insert.setLong(2, inbound.chatId());
                insert.setString(3, outbound.write(message));
                insert.setLong(4, now);
                insert.setLong(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
