package dev.socratic.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The public scheduler against the published implementations' test vectors
 * (open-spaced-repetition ts-fsrs, fsrs-rs and py-fsrs; each vector says where it comes from).
 */
class FsrsSchedulerTest {

    private static final Instant START = Instant.parse("2022-12-29T12:30:00Z");
    private static final FsrsScheduler DEFAULTS = new FsrsScheduler();

    private static Instant days(long n) {
        return START.plus(Duration.ofDays(n));
    }

    private static long scheduledDays(Card card) {
        return Duration.between(card.lastReview(), card.due()).toDays();
    }

    /** FSRS-5 parameters as fsrs-rs fills them to 21 (check_and_fill_parameters: w19 = 0, w20 = 0.5). */
    static double[] fsrs5(double... nineteen) {
        double[] w = new double[21];
        System.arraycopy(nineteen, 0, w, 0, 19);
        w[19] = 0.0;
        w[20] = 0.5;
        return w;
    }

    @Nested
    class FirstReview {

        // ts-fsrs packages/fsrs/__tests__/FSRS-6.test.ts, it('first repeat'); values rounded to 8 decimals there
        @Test
        void stability_and_difficulty_match_ts_fsrs_for_each_rating() {
            double[] stability = {0.212, 1.2931, 2.3065, 8.2956};
            double[] difficulty = {6.4133, 5.11217071, 2.11810397, 1};
            for (Rating rating : Rating.values()) {
                Card card = DEFAULTS.first(rating, START);
                assertThat(card.stability()).as("%s", rating).isCloseTo(stability[rating.ordinal()], within(1e-8));
                assertThat(card.difficulty()).as("%s", rating).isCloseTo(difficulty[rating.ordinal()], within(1e-8));
                assertThat(card.reviews()).isEqualTo(1);
                assertThat(card.lapses()).isZero();
                assertThat(card.lastReview()).isEqualTo(START);
            }
        }

        @Test
        void easy_is_due_in_eight_days_as_in_ts_fsrs() {
            // same test: scheduled_days for Easy is 8 (the other ratings go to learning steps there)
            assertThat(scheduledDays(DEFAULTS.first(Rating.EASY, START))).isEqualTo(8);
        }

        @Test
        void every_rating_is_due_at_least_a_day_later() {
            for (Rating rating : Rating.values()) {
                assertThat(scheduledDays(DEFAULTS.first(rating, START))).as("%s", rating).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Nested
    class MemoryStateAfterAHistory {

        private static final List<Rating> RATINGS =
                List.of(Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD);
        private static final long[] GAPS = {0, 0, 1, 3, 8, 21};

        private static Card replay(FsrsScheduler scheduler, List<Rating> ratings, long[] gaps) {
            Instant at = START.plus(Duration.ofDays(gaps[0]));
            Card card = scheduler.first(ratings.get(0), at);
            for (int i = 1; i < ratings.size(); i++) {
                at = at.plus(Duration.ofDays(gaps[i]));
                card = scheduler.review(card, ratings.get(i), at);
            }
            return card;
        }

        // fsrs-rs src/inference.rs test_memory_state (also ts-fsrs FSRS-6.test.ts 'memory state[short-term]'
        // and py-fsrs tests/test_basic.py test_memo_state); the second review is a same-day one.
        @Test
        void default_parameters_match_fsrs_rs() {
            Card card = replay(DEFAULTS, RATINGS, GAPS);
            assertThat(card.stability()).isCloseTo(53.62691, within(1e-4));
            assertThat(card.difficulty()).isCloseTo(6.3574867, within(1e-4));
            assertThat(card.reviews()).isEqualTo(6);
        }

        @Test
        void frozen_short_term_parameters_match_fsrs_rs() {
            // same test, w17 = w18 = w19 = 0
            double[] w = MemoryModel.DEFAULT_WEIGHTS.clone();
            w[17] = 0;
            w[18] = 0;
            w[19] = 0;
            Card card = replay(new FsrsScheduler(w, 0.9), RATINGS, GAPS);
            assertThat(card.stability()).isCloseTo(53.335106, within(1e-4));
            assertThat(card.difficulty()).isCloseTo(6.3574867, within(1e-4));
        }

        // fsrs-rs src/inference.rs tests: PARAMETERS, FSRS-5 (19 values)
        private static final double[] RS_PARAMETERS = fsrs5(
                0.6845422, 1.6790825, 4.7349424, 10.042885, 7.4410233, 0.64219797, 1.071918, 0.0025195254,
                1.432437, 0.1544, 0.8692766, 2.0696752, 0.0953, 0.2975, 2.4691248, 0.19542035, 3.201072,
                0.18046261, 0.121442534);

        @Test
        void fsrs_rs_memo_state_history() {
            // fsrs-rs test_memo_state: ratings 1,3,3,3,3 with delta_t 0,1,3,8,21; exact f32 there
            var scheduler = new FsrsScheduler(RS_PARAMETERS, 0.9);
            Card card = replay(scheduler, List.of(Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD),
                    new long[] {0, 1, 3, 8, 21});
            assertThat(card.stability()).isCloseTo(31.722992, within(1e-4));
            assertThat(card.difficulty()).isCloseTo(7.382128, within(1e-4));
        }

        @Test
        void fsrs_rs_good_after_21_days_from_a_given_state() {
            // fsrs-rs test_memo_state: next_states(S 20.925528, D 7.005062, retention 0.9, 21 days).good
            var scheduler = new FsrsScheduler(RS_PARAMETERS, 0.9);
            Card card = new Card(20.925528, 7.005062, days(21), START, 3, 0);
            Card next = scheduler.review(card, Rating.GOOD, days(21));
            assertThat(next.stability()).isCloseTo(40.87456, within(1e-4));
            assertThat(next.difficulty()).isCloseTo(6.9913807, within(1e-4));
        }

        @Test
        void fsrs_rs_next_states_for_each_rating() {
            // fsrs-rs test_next_states: history 1,3,3,3 (delta_t 0,1,3,8), then each rating 21 days later.
            // There the interval is the unrounded stability (retention 0.9); here it is rounded to whole days.
            var scheduler = new FsrsScheduler(RS_PARAMETERS, 0.9);
            Card card = replay(scheduler, List.of(Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD),
                    new long[] {0, 1, 3, 8});
            Instant at = card.lastReview().plus(Duration.ofDays(21));
            double[] stability = {2.9691455, 17.091452, 31.722992, 71.7502};
            double[] difficulty = {8.000659, 7.6913934, 7.382128, 7.0728626};
            for (Rating rating : Rating.values()) {
                int i = rating.ordinal();
                Card next = scheduler.review(card, rating, at);
                assertThat(next.stability()).as("%s", rating).isCloseTo(stability[i], within(1e-4));
                assertThat(next.difficulty()).as("%s", rating).isCloseTo(difficulty[i], within(1e-4));
                assertThat(scheduledDays(next)).as("%s", rating).isEqualTo(Math.round(stability[i]));
            }
        }
    }

    @Nested
    class SameDayReview {

        @Test
        void a_same_day_hard_does_not_lower_stability() {
            // py-fsrs PR #155 test_same_day_hard_review_does_not_decrease_stability (Good, then Hard a minute later)
            Card card = DEFAULTS.first(Rating.GOOD, START);
            Card next = DEFAULTS.review(card, Rating.HARD, START.plus(Duration.ofMinutes(1)));
            assertThat(next.stability()).isEqualTo(card.stability());
        }

        @Test
        void twenty_three_hours_later_still_counts_as_the_same_day() {
            Card card = DEFAULTS.first(Rating.GOOD, START);
            Card minuteLater = DEFAULTS.review(card, Rating.GOOD, START.plus(Duration.ofMinutes(1)));
            Card hoursLater = DEFAULTS.review(card, Rating.GOOD, START.plus(Duration.ofHours(23)));
            assertThat(hoursLater.stability()).isEqualTo(minuteLater.stability());
        }

        @Test
        void a_same_day_again_lowers_stability_and_counts_a_lapse() {
            Card card = DEFAULTS.first(Rating.GOOD, START);
            Card next = DEFAULTS.review(card, Rating.AGAIN, START.plus(Duration.ofHours(2)));
            assertThat(next.stability()).isLessThan(card.stability());
            assertThat(next.lapses()).isEqualTo(1);
            assertThat(scheduledDays(next)).isGreaterThanOrEqualTo(1);
        }
    }

    @Nested
    class Interval {

        @Test
        void next_interval_for_stability_one_across_retentions_matches_fsrs_rs() {
            // fsrs-rs test_next_interval: [3116766, 34793, 2508, 387, 90, 27, 9, 3, 1, 1] for retention 0.1..1.0,
            // no maximum. fsrs-rs computes in f32; ts-fsrs algorithm.test.ts 'next_ivl' notes f64 gives
            // 3116766 + 3 for retention 0.1, which is what double arithmetic gives here.
            long[] expected = {3116766 + 3, 34793, 2508, 387, 90, 27, 9, 3, 1, 1};
            for (int i = 1; i <= 10; i++) {
                var scheduler = new FsrsScheduler(MemoryModel.DEFAULT_WEIGHTS, i / 10.0, Integer.MAX_VALUE);
                assertThat(scheduler.interval(1.0)).as("retention %d/10", i).isEqualTo(Duration.ofDays(expected[i - 1]));
            }
        }

        @Test
        void interval_for_a_stability_matches_fsrs_rs() {
            // fsrs-rs test_next_states: next_interval(121.01552, 0.9) = 121.01551 days, rounded here
            assertThat(DEFAULTS.interval(121.01552)).isEqualTo(Duration.ofDays(121));
        }

        @Test
        void interval_is_capped_at_the_maximum() {
            // ts-fsrs algorithm.test.ts 'next_ivl[max_limit]': maximum_interval 365, s = 737.47 -> 365
            var scheduler = new FsrsScheduler(MemoryModel.DEFAULT_WEIGHTS, 0.9, 365);
            assertThat(scheduler.interval(737.47)).isEqualTo(Duration.ofDays(365));
            assertThat(DEFAULTS.interval(36500)).isEqualTo(Duration.ofDays(36500));
        }

        @Test
        void interval_is_at_least_a_day() {
            assertThat(DEFAULTS.interval(0.01)).isEqualTo(Duration.ofDays(1));
        }

        @Test
        void rejects_a_non_positive_stability() {
            assertThatThrownBy(() -> DEFAULTS.interval(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DEFAULTS.interval(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Retrievability {

        @Test
        void matches_fsrs_rs_current_retrievability_with_decay_0_2() {
            // fsrs-rs test_current_retrievability: S = 1, decay 0.2, days 0..3 (f32)
            double[] w = MemoryModel.DEFAULT_WEIGHTS.clone();
            w[20] = 0.2;
            var scheduler = new FsrsScheduler(w, 0.9);
            Card card = new Card(1.0, 5.0, days(1), START, 1, 0);
            double[] expected = {1.0, 0.9, 0.84028935, 0.7985001};
            for (int t = 0; t < 4; t++) {
                assertThat(scheduler.retrievability(card, days(t))).as("day %d", t).isCloseTo(expected[t], within(1e-6));
            }
        }

        @Test
        void easy_card_at_its_due_date_matches_ts_fsrs() {
            // ts-fsrs FSRS-6.test.ts 'get retrievability': Easy first review, r at due = 0.9024733
            Card card = DEFAULTS.first(Rating.EASY, START);
            assertThat(DEFAULTS.retrievability(card, card.due())).isCloseTo(0.9024733, within(1e-7));
        }

        @Test
        void is_one_before_a_whole_day_has_passed_and_before_the_last_review() {
            Card card = DEFAULTS.first(Rating.GOOD, START);
            assertThat(DEFAULTS.retrievability(card, START.plus(Duration.ofHours(20)))).isEqualTo(1.0);
            assertThat(DEFAULTS.retrievability(card, START.minus(Duration.ofDays(3)))).isEqualTo(1.0);
        }
    }

    @Nested
    class Credit {

        private final Card card = DEFAULTS.review(DEFAULTS.first(Rating.GOOD, START), Rating.GOOD, days(2));

        @Test
        void changes_nothing_in_the_first_half_of_the_interval() {
            long half = scheduledDays(card) / 2;
            Instant early = card.lastReview().plus(Duration.ofDays(half)).minus(Duration.ofHours(1));
            assertThat(DEFAULTS.credit(card, early)).isSameAs(card);
        }

        @Test
        void in_the_last_half_grows_stability_less_than_an_explicit_good_review() {
            Instant late = card.lastReview().plus(Duration.ofDays(scheduledDays(card) - 1));
            Card credited = DEFAULTS.credit(card, late);
            Card reviewed = DEFAULTS.review(card, Rating.GOOD, late);
            assertThat(credited.stability()).isGreaterThan(card.stability()).isLessThan(reviewed.stability());
            assertThat(credited.difficulty()).isEqualTo(card.difficulty());
            assertThat(credited.lastReview()).isEqualTo(late);
            assertThat(credited.due()).isAfter(card.due());
            assertThat(credited.reviews()).isEqualTo(card.reviews());
            assertThat(credited.lapses()).isEqualTo(card.lapses());
        }

        @Test
        void needs_a_whole_day_even_for_a_one_day_interval() {
            Card young = DEFAULTS.first(Rating.AGAIN, START);
            assertThat(scheduledDays(young)).isEqualTo(1);
            assertThat(DEFAULTS.credit(young, START.plus(Duration.ofHours(20)))).isSameAs(young);
            assertThat(DEFAULTS.credit(young, START.plus(Duration.ofDays(1))).lastReview()).isEqualTo(days(1));
        }
    }

    @Nested
    class Validation {

        @Test
        void rejects_a_review_before_the_last_one() {
            Card card = DEFAULTS.first(Rating.GOOD, START);
            assertThatThrownBy(() -> DEFAULTS.review(card, Rating.GOOD, START.minusSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DEFAULTS.credit(card, START.minusSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejects_a_desired_retention_outside_zero_to_one() {
            assertThatThrownBy(() -> new FsrsScheduler(MemoryModel.DEFAULT_WEIGHTS, 0.0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new FsrsScheduler(MemoryModel.DEFAULT_WEIGHTS, 1.01))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejects_a_maximum_interval_under_a_day() {
            assertThatThrownBy(() -> new FsrsScheduler(MemoryModel.DEFAULT_WEIGHTS, 0.9, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void does_not_share_the_callers_weights() {
            double[] w = MemoryModel.DEFAULT_WEIGHTS.clone();
            var scheduler = new FsrsScheduler(w, 0.9);
            w[0] = 50;
            assertThat(scheduler.first(Rating.AGAIN, START).stability()).isEqualTo(0.212);
        }

        @Test
        void stability_stays_above_its_floor_after_many_lapses() {
            // py-fsrs test_stability_lower_bound: 1000 Again reviews, each a day after the due date
            Card card = DEFAULTS.first(Rating.AGAIN, START);
            for (int i = 0; i < 1000; i++) {
                card = DEFAULTS.review(card, Rating.AGAIN, card.due().plus(Duration.ofDays(1)));
                assertThat(card.stability()).isGreaterThanOrEqualTo(MemoryModel.S_MIN);
            }
        }

        @Test
        void easy_reviews_bring_difficulty_down_to_one() {
            // py-fsrs test_repeated_correct_reviews: ten Easy reviews (same day there) end at difficulty 1.0
            Card card = DEFAULTS.first(Rating.EASY, START);
            for (int i = 1; i < 10; i++) {
                card = DEFAULTS.review(card, Rating.EASY, START.plusNanos(i * 1000L));
            }
            assertThat(card.difficulty()).isEqualTo(1.0);
        }
    }
}
