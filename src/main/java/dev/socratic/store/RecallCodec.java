package dev.socratic.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socratic.review.Card;
import dev.socratic.review.Deck;
import dev.socratic.review.SummarySchedule;
import dev.socratic.tutor.OpenQuiz;
import dev.socratic.tutor.Recall;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Optional;
import java.util.TreeMap;

/** A learner's review side as JSON; times as epoch milliseconds, doubles at full precision. */
final class RecallCodec {

    private final ObjectMapper json = new ObjectMapper();

    String write(Recall recall) {
        var node = json.createObjectNode();
        var cards = node.putObject("cards");
        new TreeMap<>(recall.deck().cards()).forEach((id, card) -> cards.putObject(id)
                .put("stability", card.stability())
                .put("difficulty", card.difficulty())
                .put("due", card.due().toEpochMilli())
                .put("lastReview", card.lastReview().toEpochMilli())
                .put("reviews", card.reviews())
                .put("lapses", card.lapses()));
        recall.quiz().ifPresent(quiz -> node.putObject("quiz")
                .put("id", quiz.id())
                .put("concept", quiz.conceptId())
                .put("item", quiz.item())
                .put("hintsUsed", quiz.hintsUsed())
                .put("attempts", quiz.attempts())
                .put("sofar", quiz.sofar()));
        node.put("quizzesAsked", recall.quizzesAsked());
        recall.lastRun().ifPresent(run -> node.put("lastRun", run));
        var schedule = recall.schedule();
        node.putObject("summary")
                .put("zone", schedule.zone().getId())
                .put("day", schedule.day().name())
                .put("hour", schedule.hour())
                .put("enabled", schedule.enabled());
        return node.toString();
    }

    /** {@code null} (a row from before reviews existed) reads as the defaults. */
    Recall read(String text) {
        if (text == null || text.isBlank()) {
            return Recall.EMPTY;
        }
        try {
            var node = json.readTree(text);
            var cards = new HashMap<String, Card>();
            node.path("cards").properties().forEach(entry -> cards.put(entry.getKey(), card(entry.getValue())));
            var quiz = node.has("quiz") ? Optional.of(quiz(node.path("quiz"))) : Optional.<OpenQuiz>empty();
            var lastRun = node.hasNonNull("lastRun") ? Optional.of(node.path("lastRun").asText()) : Optional.<String>empty();
            return new Recall(new Deck(cards), quiz, node.path("quizzesAsked").asLong(), schedule(node.path("summary")),
                    lastRun);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable review data: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new StoreException("impossible review data: " + e.getMessage(), e);
        }
    }

    private static Card card(JsonNode node) {
        return new Card(node.path("stability").asDouble(), node.path("difficulty").asDouble(),
                Instant.ofEpochMilli(node.path("due").asLong()), Instant.ofEpochMilli(node.path("lastReview").asLong()),
                node.path("reviews").asInt(), node.path("lapses").asInt());
    }

    private static OpenQuiz quiz(JsonNode node) {
        return new OpenQuiz(node.path("id").asLong(), node.path("concept").asText(), node.path("item").asInt(),
                node.path("hintsUsed").asInt(), node.path("attempts").asInt(), node.path("sofar").asText(""));
    }

    /** A zone the time-zone database no longer knows falls back to the default rather than locking the learner out. */
    private static ZoneId zone(String id, ZoneId fallback) {
        try {
            return id.isEmpty() ? fallback : ZoneId.of(id);
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    private static SummarySchedule schedule(JsonNode node) {
        var defaults = SummarySchedule.DEFAULT;
        if (node.isMissingNode()) {
            return defaults;
        }
        return new SummarySchedule(
                zone(node.path("zone").asText(), defaults.zone()),
                node.has("day") ? DayOfWeek.valueOf(node.path("day").asText()) : defaults.day(),
                node.path("hour").asInt(defaults.hour()),
                node.path("enabled").asBoolean(defaults.enabled()));
    }
}
