package dev.socratic.llm;

import dev.socratic.store.Database;
import dev.socratic.tutor.TeachingRule;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The voice's figures as anyone would measure them: from the event table. */
final class VoiceEvents {

    private VoiceEvents() {
    }

    /** Every request's prompt size, in order: drafts and failures alike (a failed call cost the same). */
    static List<Integer> promptTokens(Database database) {
        return database.inTransaction(connection -> {
            var tokens = new ArrayList<Integer>();
            try (var select = connection.prepareStatement(
                    "SELECT detail FROM event WHERE type IN ('VOICE_DRAFTED', 'VOICE_FALLBACK') ORDER BY id");
                 var rows = select.executeQuery()) {
                while (rows.next()) {
                    var detail = rows.getString(1);
                    int at = detail.indexOf("tokens=");
                    if (at >= 0) {
                        tokens.add(Integer.parseInt(detail.substring(at + "tokens=".length()).strip()));
                    }
                }
            }
            return tokens;
        });
    }

    static Map<TeachingRule, Integer> catchesPerRule(Database database) {
        return database.inTransaction(connection -> {
            var counts = new EnumMap<TeachingRule, Integer>(TeachingRule.class);
            try (var select = connection.prepareStatement("SELECT detail FROM event WHERE type = 'GUARD_VIOLATION'");
                 var rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.merge(TeachingRule.valueOf(rows.getString(1).split(" ")[0]), 1, Integer::sum);
                }
            }
            return counts;
        });
    }

    static int median(List<Integer> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
