package dev.socratic.store;

import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerStore;
import dev.socratic.tutor.Turn;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Learner states, events, outbox rows and processed update ids, written together in one transaction per turn. */
public final class SqliteLearnerStore implements LearnerStore {

    private final Database database;
    private final Clock clock;
    private final StateCodec states = new StateCodec();
    private final OutboundCodec outbound = new OutboundCodec();
    private final InputCodec inputs = new InputCodec();
    private final RecallCodec recalls = new RecallCodec();

    public SqliteLearnerStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Versioned load(long learnerId) {
        return database.read(connection -> {
            try (var select = connection.prepareStatement(
                    "SELECT state, version, recall FROM learner_state WHERE learner_id = ?")) {
                select.setLong(1, learnerId);
                try (var rows = select.executeQuery()) {
                    return rows.next()
                            ? new Versioned(states.read(rows.getString(1)), rows.getLong(2), recalls.read(rows.getString(3)))
                            : new Versioned(new NotStarted(), 0);
                }
            }
        });
    }

    @Override
    public boolean isProcessed(long updateId) {
        return database.read(connection -> {
            try (var select = connection.prepareStatement("SELECT 1 FROM processed_update WHERE update_id = ?")) {
                select.setLong(1, updateId);
                try (var rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public void receive(List<Inbound> batch) {
        long now = clock.millis();
        database.inTransaction(connection -> {
            try (var insert = connection.prepareStatement("""
                    INSERT INTO inbox (update_id, learner_id, chat_id, input, received_at)
                    SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM processed_update WHERE update_id = ?)
                    ON CONFLICT (update_id) DO NOTHING""")) {
                for (var inbound : batch) {
                    if (inbound.updateId() == null) {
                        continue;
                    }
                    insert.setLong(1, inbound.updateId());
                    insert.setLong(2, inbound.learnerId());
                    insert.setLong(3, inbound.chatId());
                    insert.setString(4, inputs.write(inbound.input()));
                    insert.setLong(5, now);
                    insert.setLong(6, inbound.updateId());
                    insert.addBatch();
                }
                return insert.executeBatch().length;
            }
        });
    }

    @Override
    public List<Inbound> unprocessed() {
        return database.inTransaction(connection -> {
            var pending = new ArrayList<Inbound>();
            try (var select = connection.prepareStatement(
                    "SELECT update_id, learner_id, chat_id, input FROM inbox ORDER BY update_id");
                 var rows = select.executeQuery()) {
                while (rows.next()) {
                    pending.add(new Inbound(rows.getLong(2), rows.getLong(3), rows.getLong(1), inputs.read(rows.getString(4))));
                }
            }
            return pending;
        });
    }

    @Override
    public CommitResult commit(Inbound inbound, long expectedVersion, Turn turn) {
        long now = clock.millis();
        return database.inTransaction(connection -> {
            upsertLearner(connection, inbound, now);
            if (inbound.updateId() != null && !recordUpdate(connection, inbound, now)) {
                connection.rollback();
                forget(connection, inbound.updateId());
                return CommitResult.DUPLICATE;
            }
            if (inbound.updateId() != null) {
                forget(connection, inbound.updateId());
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

    private static void forget(Connection connection, long updateId) throws SQLException {
        try (var delete = connection.prepareStatement("DELETE FROM inbox WHERE update_id = ?")) {
            delete.setLong(1, updateId);
            delete.executeUpdate();
        }
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
        // a turn that left the review side alone keeps the stored one
        var recall = turn.recall().map(recalls::write).orElse(null);
        if (expectedVersion == 0) {
            try (var insert = connection.prepareStatement("""
                    INSERT INTO learner_state (learner_id, version, state, updated_at, recall) VALUES (?, 1, ?, ?, ?)
                    ON CONFLICT (learner_id) DO NOTHING""")) {
                insert.setLong(1, learnerId);
                insert.setString(2, json);
                insert.setLong(3, now);
                insert.setString(4, recall);
                return insert.executeUpdate() == 1;
            }
        }
        try (var update = connection.prepareStatement(recall == null ? """
                UPDATE learner_state SET version = version + 1, state = ?, updated_at = ?
                WHERE learner_id = ? AND version = ?""" : """
                UPDATE learner_state SET version = version + 1, state = ?, updated_at = ?, recall = ?
                WHERE learner_id = ? AND version = ?""")) {
            int column = 1;
            update.setString(column++, json);
            update.setLong(column++, now);
            if (recall != null) {
                update.setString(column++, recall);
            }
            update.setLong(column++, learnerId);
            update.setLong(column, expectedVersion);
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
