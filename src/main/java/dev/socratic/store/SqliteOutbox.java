package dev.socratic.store;

import dev.socratic.delivery.Outbox;
import dev.socratic.delivery.OutboxMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The outbox table as the sender sees it. */
public final class SqliteOutbox implements Outbox {

    private final Database database;
    private final OutboundCodec codec = new OutboundCodec();

    public SqliteOutbox(Database database) {
        this.database = database;
    }

    @Override
    public List<OutboxMessage> due(Instant now, int limit) {
        return database.read(connection -> {
            // the oldest unsent message of each chat only, so a chat's messages keep their order
            try (var select = connection.prepareStatement("""
                    SELECT o.id, o.learner_id, o.chat_id, o.payload, o.attempts, o.parts_sent FROM outbox o
                    WHERE o.status = 'pending' AND o.not_before <= ?
                      AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.chat_id = o.chat_id AND e.id < o.id
                                      AND e.status IN ('pending', 'sending'))
                    ORDER BY o.id LIMIT ?""")) {
                select.setLong(1, now.toEpochMilli());
                select.setInt(2, limit);
                var due = new ArrayList<OutboxMessage>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new OutboxMessage(rows.getLong(1), rows.getLong(2), rows.getLong(3),
                                codec.read(rows.getString(4)), rows.getInt(5), rows.getInt(6)));
                    }
                }
                return due;
            }
        });
    }

    @Override
    public boolean claim(long id) {
        return setStatus(id, "pending", "sending");
    }

    @Override
    public void markSent(long id) {
        setStatus(id, "sending", "sent");
    }

    @Override
    public void markFailed(long id) {
        setStatus(id, "sending", "failed");
    }

    @Override
    public void retryLater(long id, Instant notBefore, int partsSent) {
        database.inTransaction(connection -> {
            try (var update = connection.prepareStatement("""
                    UPDATE outbox SET status = 'pending', attempts = attempts + 1, not_before = ?, parts_sent = ?
                    WHERE id = ? AND status = 'sending'""")) {
                update.setLong(1, notBefore.toEpochMilli());
                update.setInt(2, partsSent);
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void deactivateLearner(long learnerId) {
        database.inTransaction(connection -> {
            try (var update = connection.prepareStatement("UPDATE learner SET active = 0 WHERE id = ?")) {
                update.setLong(1, learnerId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Instant> nextDue() {
        return database.read(connection -> {
            // only messages that could start now: none of their chat's earlier messages is unsent
            try (var select = connection.prepareStatement("""
                    SELECT MIN(o.not_before) FROM outbox o WHERE o.status = 'pending'
                      AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.chat_id = o.chat_id AND e.id < o.id
                                      AND e.status IN ('pending', 'sending'))""");
                 var rows = select.executeQuery()) {
                rows.next();
                long millis = rows.getLong(1);
                return rows.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(millis));
            }
        });
    }

    @Override
    public int abandonInFlight() {
        return database.inTransaction(connection -> {
            try (var update = connection.prepareStatement("UPDATE outbox SET status = 'unknown' WHERE status = 'sending'")) {
                return update.executeUpdate();
            }
        });
    }

    private boolean setStatus(long id, String from, String to) {
        return database.inTransaction(connection -> {
            try (var update = connection.prepareStatement("UPDATE outbox SET status = ? WHERE id = ? AND status = ?")) {
                update.setString(1, to);
                update.setLong(2, id);
                update.setString(3, from);
                return update.executeUpdate() == 1;
            }
        });
    }
}
