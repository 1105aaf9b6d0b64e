package dev.socratic.store;

import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.Input.Choice;
import dev.socratic.tutor.Input.Command;
import dev.socratic.tutor.Input.Text;
import dev.socratic.tutor.Outbound;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Photo;
import dev.socratic.tutor.Transcript;
import dev.socratic.tutor.Turn;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The transcript table: written with each turn (inside its transaction, so a retried or duplicate
 * update never adds lines twice), read for the voice's prompts. Only the latest lines are kept.
 */
public final class SqliteTranscript implements Transcript {

    /** Lines kept per learner: a few times what a prompt uses, so nothing a prompt needs is pruned. */
    static final int KEPT_LINES = 40;
    /** A line longer than this is cut when stored; prompts use far less of it. */
    static final int MAX_CHARS = 1_000;

    private final Database database;

    public SqliteTranscript(Database database) {
        this.database = database;
    }

    @Override
    public List<Line> recent(long learnerId, int max) {
        return database.inTransaction(connection -> {
            try (var select = connection.prepareStatement(
                    "SELECT role, text FROM transcript_line WHERE learner_id = ? ORDER BY id DESC LIMIT ?")) {
                select.setLong(1, learnerId);
                select.setInt(2, max);
                var lines = new ArrayList<Line>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        lines.add(new Line(Role.valueOf(rows.getString(1).toUpperCase(Locale.ROOT)), rows.getString(2)));
                    }
                }
                return lines.reversed();
            }
        });
    }

    /** The learner's input and the tutor's messages of one turn, then the oldest lines beyond the limit go. */
    static void append(Connection connection, Inbound inbound, Turn turn, long now) throws SQLException {
        var lines = new ArrayList<Line>();
        lines.add(new Line(Role.LEARNER, switch (inbound.input()) {
            case Text text -> text.text();
            case Command command -> ("/" + command.name() + " " + command.args()).strip();
            case Choice choice -> "/" + choice.data();
        }));
        for (Outbound outbound : turn.messages()) {
            switch (outbound) {
                case Message message -> lines.add(new Line(Role.TUTOR, message.plainText()));
                // the voice reads words: a picture counts through its caption, if it has one
                case Photo photo -> photo.caption().ifPresent(caption -> lines.add(new Line(Role.TUTOR, caption.plainText())));
            }
        }
        try (var insert = connection.prepareStatement(
                "INSERT INTO transcript_line (learner_id, at, role, text) VALUES (?, ?, ?, ?)")) {
            for (var line : lines) {
                insert.setLong(1, inbound.learnerId());
                insert.setLong(2, now);
                insert.setString(3, line.role().name().toLowerCase(Locale.ROOT));
                insert.setString(4, line.text().length() > MAX_CHARS ? line.text().substring(0, MAX_CHARS) : line.text());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (var prune = connection.prepareStatement("""
                DELETE FROM transcript_line WHERE learner_id = ? AND id <= (
                    SELECT id FROM transcript_line WHERE learner_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)""")) {
            prune.setLong(1, inbound.learnerId());
            prune.setLong(2, inbound.learnerId());
            prune.setInt(3, KEPT_LINES);
            prune.executeUpdate();
        }
    }
}
