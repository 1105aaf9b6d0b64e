package dev.socratic.review;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeckTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final FsrsScheduler FSRS = new FsrsScheduler();

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /** A card last reviewed {@code reviewedDaysAgo} days ago and due {@code dueInDays} days from now (negative: overdue). */
    private static Card card(double stability, long reviewedDaysAgo, long dueInDays) {
        return new Card(stability, 5.0, NOW.plus(Duration.ofDays(dueInDays)), daysAgo(reviewedDaysAgo), 2, 0);
    }

    @Nested
    class Rate {

        @Test
        void theFirstRatingCreatesTheCardAsTheSchedulerDoes() {
            var deck = Deck.EMPTY.rate("gil", Rating.GOOD, NOW, FSRS);

            assertThat(deck.card("gil")).contains(FSRS.first(Rating.GOOD, NOW));
        }

        @Test
        void aLaterRatingReviewsTheExistingCard() {
            var first = Deck.EMPTY.rate("gil", Rating.GOOD, daysAgo(3), FSRS);

            var second = first.rate("gil", Rating.HARD, NOW, FSRS);

            assertThat(second.card("gil")).contains(FSRS.review(first.card("gil").orElseThrow(), Rating.HARD, NOW));
            assertThat(second.card("gil").orElseThrow().reviews()).isEqualTo(2);
        }

        @Test
        void aRevealedConceptComesBackTheNextDay() {
            var deck = Deck.EMPTY.rate("gil", Rating.AGAIN, NOW, FSRS);

            assertThat(deck.card("gil").orElseThrow().due()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        }
    }

    @Nested
    class Selection {

        @Test
        void theMostOverdueCoveredCardComesFirst() {
            var deck = new Deck(Map.of(
                    "a", card(3, 4, -1),
                    "b", card(3, 6, -3),
                    "c", card(3, 1, 2),
                    "uncovered", card(3, 30, -20)));

            assertThat(deck.pick(List.of("a", "b", "c"), NOW, FSRS)).contains("b");
            assertThat(deck.due(List.of("a", "b", "c"), NOW)).containsExactly("b", "a");
        }

        @Test
        void withNothingDueTheWeakestComes() {
            // same time since review, so the lower stability means the lower chance of recall
            var deck = new Deck(Map.of("strong", card(20, 2, 10), "weak", card(2.5, 2, 1), "middle", card(8, 2, 5)));

            assertThat(deck.due(List.of("strong", "weak", "middle"), NOW)).isEmpty();
            assertThat(deck.pick(List.of("strong", "weak", "middle"), NOW, FSRS)).contains("weak");
            assertThat(deck.recall("weak", NOW, FSRS)).isLessThan(deck.recall("middle", NOW, FSRS));
        }

        @Test
        void withNothingDueAConceptExercisedTodayWaitsWhileAnotherIsRested() {
            // both reviewed less than a day ago: equal recall, so the weakest is the less stable, the revealed one
            var revealed = new Card(0.1, 8.0, NOW.plus(Duration.ofDays(1)), NOW.minus(Duration.ofMinutes(5)), 1, 0);
            var rested = new Card(8, 5.0, NOW.plus(Duration.ofDays(8)), NOW.minus(Duration.ofHours(13)), 2, 0);
            var deck = new Deck(Map.of("revealed", revealed, "rested", rested));

            assertThat(deck.weakest(List.of("revealed", "rested"), NOW, FSRS)).contains("revealed");
            assertThat(deck.pick(List.of("revealed", "rested"), NOW, FSRS)).contains("rested");
        }

        @Test
        void withEveryConceptJustExercisedTheOneExercisedLongestAgoComes() {
            var deck = new Deck(Map.of(
                    "an hour ago", new Card(0.5, 5.0, NOW.plus(Duration.ofDays(1)), NOW.minus(Duration.ofHours(1)), 1, 0),
                    "ten minutes ago", new Card(0.2, 5.0, NOW.plus(Duration.ofDays(1)), NOW.minus(Duration.ofMinutes(10)), 1, 0)));

            assertThat(deck.pick(List.of("ten minutes ago", "an hour ago"), NOW, FSRS)).contains("an hour ago");
        }

        @Test
        void repeatedPracticeGoesRoundTheCoveredConcepts() {
            var covered = List.of("a", "b", "c");
            var deck = Deck.EMPTY;
            var now = NOW;
            var asked = new java.util.ArrayList<String>();
            for (int i = 0; i < 6; i++) {
                var concept = deck.pick(covered, now, FSRS).orElseThrow();
                asked.add(concept);
                deck = deck.rate(concept, Rating.AGAIN, now, FSRS);
                now = now.plus(Duration.ofMinutes(2));
            }

            // the first three were due (no card yet); then none is, and practice still goes round
            assertThat(asked.subList(0, 3)).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(asked.subList(3, 6)).containsExactlyInAnyOrder("a", "b", "c");
        }

        @Test
        void aCoveredConceptWithoutACardIsTheMostOverdue() {
            var deck = new Deck(Map.of("a", card(3, 10, -7)));

            assertThat(deck.pick(List.of("a", "legacy"), NOW, FSRS)).contains("legacy");
            assertThat(deck.weakest(List.of("a", "legacy"), NOW, FSRS)).contains("legacy");
        }

        @Test
        void nothingCoveredPicksNothing() {
            assertThat(Deck.EMPTY.pick(List.of(), NOW, FSRS)).isEmpty();
        }
    }

    @Nested
    class Credit {

        @Test
        void creditsAPrerequisiteInTheLastHalfOfItsInterval() {
            var prerequisite = card(4, 3, 1);
            var deck = new Deck(Map.of("threads", prerequisite));

            var credited = deck.credit(List.of("threads", "no-card"), NOW, FSRS);

            assertThat(credited.conceptIds()).containsExactly("threads");
            assertThat(credited.deck().card("threads")).contains(FSRS.credit(prerequisite, NOW));
            assertThat(credited.deck().card("threads").orElseThrow().lastReview()).isEqualTo(NOW);
        }

        @Test
        void leavesAFreshlyReviewedPrerequisiteAlone() {
            var deck = new Deck(Map.of("threads", card(10, 1, 9)));

            var credited = deck.credit(List.of("threads"), NOW, FSRS);

            assertThat(credited.conceptIds()).isEmpty();
            assertThat(credited.deck()).isEqualTo(deck);
        }
    }
}
