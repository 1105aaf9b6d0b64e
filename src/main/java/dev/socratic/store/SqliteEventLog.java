package dev.socratic.store;

import dev.socratic.tutor.Event;
import dev.socratic.tutor.EventLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event table, read back for the weekly summary. */
public final class SqliteEventLog implements EventLog {

    private static final Map<String, Event.Type> TYPES = Arrays.stream(Event.Type.values())
            .collect(Collectors.toMap(Event.Type::name, Function.identity()));

    private final Database database;

    public SqliteEventLog(Database database) {
        this.database = database;
    }

    @Override
    public List<Logged> since(long learnerId, Instant from) {
        return database.inTransaction(connection -> {
            try (var select = connection.prepareStatement("""
                    SELECT at, type, concept_id, detail FROM event
                    WHERE learner_id = ? AND at >= ? ORDER BY at, id""")) {
                select.setLong(1, learnerId);
                select.setLong(2, from.toEpochMilli());
                var events = new ArrayList<Logged>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        var type = TYPES.get(rows.getString(2));
                        // a type this build does not know was written by a newer one: not ours to read
                        if (type != null) {
                            events.add(new Logged(Instant.ofEpochMilli(rows.getLong(1)),
                                    new Event(type, rows.getString(3), rows.getString(4))));
                        }
                    }
                }
                return events;
            }
        });
    }
}
