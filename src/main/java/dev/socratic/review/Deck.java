package dev.socratic.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One learner's review cards, by concept id. Immutable: every change returns a new deck.
 *
 * <p>A covered concept without a card (covered before cards existed) counts as due since forever
 * and as the weakest possible memory, so it is reviewed first.
 */
public record Deck(Map<String, Card> cards) {

    public static final Deck EMPTY = new Deck(Map.of());

    /** How long a concept just exercised is left alone by {@link #pick} while others are free. */
    public static final Duration RESTING = Duration.ofHours(12);

    public Deck {
        cards = Map.copyOf(cards);
    }

    public Optional<Card> card(String conceptId) {
        return Optional.ofNullable(cards.get(conceptId));
    }

    /** The deck after an explicit review of {@code conceptId} (its first, or a later one). */
    public Deck rate(String conceptId, Rating rating, Instant now, FsrsScheduler scheduler) {
        var existing = cards.get(conceptId);
        var card = existing == null ? scheduler.first(rating, now) : scheduler.review(existing, rating, now);
        return with(conceptId, card);
    }

    /**
     * Implicit credit for concepts a correct answer built on; concepts without a card, or whose
     * credit changes nothing yet, are left alone.
     *
     * @return the new deck, and which concepts it credited
     */
    public Credited credit(Collection<String> conceptIds, Instant now, FsrsScheduler scheduler) {
        var updated = new HashMap<>(cards);
        var credited = new ArrayList<String>();
        for (var id : conceptIds) {
            var card = cards.get(id);
            if (card == null || now.isBefore(card.lastReview())) {
                continue;
            }
            var after = scheduler.credit(card, now);
            if (!after.equals(card)) {
                updated.put(id, after);
                credited.add(id);
            }
        }
        return new Credited(new Deck(updated), credited);
    }

    /** Covered concepts due at {@code now}, most overdue first (ties in the order given). */
    public List<String> due(List<String> covered, Instant now) {
        return covered.stream()
                .filter(id -> !dueAt(id).isAfter(now))
                .sorted(Comparator.comparing(this::dueAt))
                .toList();
    }

    /** The covered concept the learner is least likely to recall at {@code now}. */
    public Optional<String> weakest(List<String> covered, Instant now, FsrsScheduler scheduler) {
        return covered.stream().min(Comparator.comparingDouble((String id) -> recall(id, now, scheduler))
                .thenComparingDouble(id -> card(id).map(Card::stability).orElse(0.0)));
    }

    /**
     * What to quiz next: the most overdue covered concept; when none is due, the weakest of those not
     * exercised in the last {@link #RESTING}, or if every one was, the one exercised longest ago. A
     * concept just reviewed is often the weakest (a revealed answer leaves it barely remembered), and
     * a learner who asks for more practice wants the next concept, not that question again.
     */
    public Optional<String> pick(List<String> covered, Instant now, FsrsScheduler scheduler) {
        var due = due(covered, now);
        if (!due.isEmpty()) {
            return Optional.of(due.getFirst());
        }
        var rested = covered.stream().filter(id -> !lastExercised(id).isAfter(now.minus(RESTING))).toList();
        return rested.isEmpty()
                ? covered.stream().min(Comparator.comparing(this::lastExercised))
                : weakest(rested, now, scheduler);
    }

    /** Predicted probability of recall at {@code now}; 0 for a concept without a card. */
    public double recall(String conceptId, Instant now, FsrsScheduler scheduler) {
        var card = cards.get(conceptId);
        if (card == null) {
            return 0.0;
        }
        return now.isBefore(card.lastReview()) ? 1.0 : scheduler.retrievability(card, now);
    }

    private Instant lastExercised(String conceptId) {
        var card = cards.get(conceptId);
        return card == null ? Instant.EPOCH : card.lastReview();
    }

    private Instant dueAt(String conceptId) {
        var card = cards.get(conceptId);
        return card == null ? Instant.EPOCH : card.due();
    }

    private Deck with(String conceptId, Card card) {
        Objects.requireNonNull(conceptId, "conceptId");
        var updated = new HashMap<>(cards);
        updated.put(conceptId, card);
        return new Deck(updated);
    }

    /** A deck after implicit credit, with the concepts that gained from it. */
    public record Credited(Deck deck, List<String> conceptIds) {
        public Credited {
            conceptIds = List.copyOf(conceptIds);
        }
    }
}
