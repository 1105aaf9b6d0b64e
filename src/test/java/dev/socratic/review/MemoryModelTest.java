package dev.socratic.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The single FSRS-6 formulas against ts-fsrs's own vectors, default parameters
 * (open-spaced-repetition/ts-fsrs, packages/fsrs/__tests__/algorithm.test.ts). ts-fsrs rounds each
 * result to 8 decimals, hence the 1e-8 tolerance.
 */
class MemoryModelTest {

    private static final double EIGHT_DECIMALS = 1e-8;
    private final MemoryModel model = new MemoryModel(MemoryModel.DEFAULT_WEIGHTS);

    @Test
    void forgetting_curve_at_stability_one_matches_ts_fsrs() {
        // algorithm.test.ts, describe('forgetting_curve'): delta_t 0..3, s = 1.0
        double[] expected = {1.0, 0.9, 0.84588465, 0.8093881};
        for (int t = 0; t < 4; t++) {
            assertThat(model.retrievability(t, 1.0)).as("t = %d", t).isCloseTo(expected[t], within(EIGHT_DECIMALS));
        }
    }

    @Test
    void next_difficulty_from_five_matches_ts_fsrs() {
        // algorithm.test.ts, it('next_difficulty'): d = 5.0 for Again, Hard, Good, Easy
        double[] expected = {8.34176237, 6.66599536, 4.99022837, 3.31446137};
        for (Rating rating : Rating.values()) {
            assertThat(model.nextDifficulty(5.0, rating)).as("%s", rating)
                    .isCloseTo(expected[rating.ordinal()], within(EIGHT_DECIMALS));
        }
    }

    @Nested
    class NextStability {

        // algorithm.test.ts, it('next_stability'): s = 5 for each grade, d = [1, 2, 3, 4], r = [0.9, 0.8, 0.7, 0.6]
        private final double[] difficulty = {1, 2, 3, 4};
        private final double[] retrievability = {0.9, 0.8, 0.7, 0.6};

        @Test
        void recall_stability_matches_ts_fsrs() {
            double[] expected = {25.60252118, 28.22657096, 58.65599107, 127.2266925};
            for (Rating rating : Rating.values()) {
                int i = rating.ordinal();
                assertThat(model.recallStability(difficulty[i], 5, retrievability[i], rating)).as("%s", rating)
                        .isCloseTo(expected[i], within(EIGHT_DECIMALS));
            }
        }

        @Test
        void forget_stability_matches_ts_fsrs() {
            double[] expected = {1.05253961, 1.18943295, 1.36808387, 1.58498896};
            for (int i = 0; i < 4; i++) {
                assertThat(model.forgetStability(difficulty[i], 5, retrievability[i])).as("case %d", i)
                        .isCloseTo(expected[i], within(EIGHT_DECIMALS));
            }
        }

        @Test
        void same_day_stability_matches_ts_fsrs_and_hard_does_not_lower_it() {
            double[] expected = {1.596818, 5, 5, 8.12960956};
            for (Rating rating : Rating.values()) {
                assertThat(model.shortTermStability(5, rating)).as("%s", rating)
                        .isCloseTo(expected[rating.ordinal()], within(EIGHT_DECIMALS));
            }
        }
    }

    @Test
    void rejects_the_wrong_number_of_weights() {
        assertThatThrownBy(() -> new MemoryModel(new double[19])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_a_weight_out_of_bounds() {
        double[] weights = MemoryModel.DEFAULT_WEIGHTS.clone();
        weights[6] = 100; // py-fsrs test_scheduler_parameter_validation
        assertThatThrownBy(() -> new MemoryModel(weights)).isInstanceOf(IllegalArgumentException.class);
        weights[6] = MemoryModel.DEFAULT_WEIGHTS[6];
        weights[10] = -42;
        assertThatThrownBy(() -> new MemoryModel(weights)).isInstanceOf(IllegalArgumentException.class);
        weights[10] = Double.NaN;
        assertThatThrownBy(() -> new MemoryModel(weights)).isInstanceOf(IllegalArgumentException.class);
    }
}
