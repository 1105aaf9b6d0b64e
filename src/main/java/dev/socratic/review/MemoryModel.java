package dev.socratic.review;

import java.util.Arrays;
import java.util.Objects;

/**
 * The FSRS-6 memory model: how stability and difficulty change with each rating, the forgetting
 * curve, and the interval that reaches a desired retention. Formulas as in fsrs-rs {@code src/model.rs}
 * and py-fsrs {@code fsrs/scheduler.py} (open-spaced-repetition).
 */
final class MemoryModel {

    static final double S_MIN = 0.001;
    static final double S_MAX = 36500.0;
    static final double D_MIN = 1.0;
    static final double D_MAX = 10.0;

    /** The FSRS-6 default parameters w0..w20. */
    static final double[] DEFAULT_WEIGHTS = {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    };

    // Parameter bounds as py-fsrs LOWER_BOUNDS_PARAMETERS / UPPER_BOUNDS_PARAMETERS.
    private static final double[] LOWER = {
        S_MIN, S_MIN, S_MIN, S_MIN, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    };
    private static final double[] UPPER = {
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    };

    private final double[] w;
    private final double decay;
    private final double factor;

    MemoryModel(double[] weights) {
        Objects.requireNonNull(weights, "weights");
        if (weights.length != DEFAULT_WEIGHTS.length) {
            throw new IllegalArgumentException("FSRS-6 takes 21 weights, got " + weights.length);
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= LOWER[i] && weights[i] <= UPPER[i])) {
                throw new IllegalArgumentException("w%d = %s is outside [%s, %s]"
                        .formatted(i, weights[i], LOWER[i], UPPER[i]));
            }
        }
        this.w = weights.clone();
        this.decay = -w[20];
        this.factor = Math.pow(0.9, 1.0 / decay) - 1.0;
    }

    /** Memory after the very first review. */
    MemoryState initial(Rating rating) {
        return new MemoryState(clampStability(w[rating.ordinal()]), clampDifficulty(initialDifficulty(rating)));
    }

    /**
     * Memory after a review {@code elapsedDays} whole days after the previous one. Under one day the
     * FSRS-6 short-term formula (w17..w19) applies; otherwise recall or forget stability at the
     * retrievability reached by then.
     */
    MemoryState next(MemoryState memory, long elapsedDays, Rating rating) {
        double s = clampStability(memory.stability());
        double d = clampDifficulty(memory.difficulty());
        double next;
        if (elapsedDays < 1) {
            next = shortTermStability(s, rating);
        } else {
            double r = retrievability(elapsedDays, s);
            next = rating == Rating.AGAIN ? forgetStability(d, s, r) : recallStability(d, s, r, rating);
        }
        return new MemoryState(clampStability(next), nextDifficulty(d, rating));
    }

    /** Probability of recall after {@code elapsedDays} at stability {@code s}: (1 + factor·t/S)^decay. */
    double retrievability(double elapsedDays, double s) {
        return Math.pow(1.0 + factor * elapsedDays / s, decay);
    }

    /** Days until retrievability falls to {@code desiredRetention}, unrounded. */
    double intervalDays(double s, double desiredRetention) {
        return s / factor * (Math.pow(desiredRetention, 1.0 / decay) - 1.0);
    }

    double initialDifficulty(Rating rating) {
        return w[4] - Math.exp(w[5] * (rating.grade() - 1)) + 1.0;
    }

    /** Linear damping toward 10, then mean reversion toward D0(Easy), clamped to [1, 10]. */
    double nextDifficulty(double d, Rating rating) {
        double delta = -w[6] * (rating.grade() - 3);
        double damped = d + (10.0 - d) * delta / 9.0;
        return clampDifficulty(w[7] * initialDifficulty(Rating.EASY) + (1.0 - w[7]) * damped);
    }

    double recallStability(double d, double s, double r, Rating rating) {
        double hardPenalty = rating == Rating.HARD ? w[15] : 1.0;
        double easyBonus = rating == Rating.EASY ? w[16] : 1.0;
        return s * (1.0 + Math.exp(w[8]) * (11.0 - d) * Math.pow(s, -w[9])
                * (Math.exp((1.0 - r) * w[10]) - 1.0) * hardPenalty * easyBonus);
    }

    /** Post-lapse stability, never above what a same-day Again would leave (S / e^(w17·w18)). */
    double forgetStability(double d, double s, double r) {
        double longTerm = w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1.0, w[13]) - 1.0)
                * Math.exp((1.0 - r) * w[14]);
        return Math.min(longTerm, s / Math.exp(w[17] * w[18]));
    }

    /**
     * Same-day stability: S · e^(w17·(G − 3 + w18)) · S^(−w19). A passing grade (Hard, Good, Easy)
     * never lowers stability, as in fsrs-rs, ts-fsrs and py-fsrs since its PR #155.
     */
    double shortTermStability(double s, Rating rating) {
        double increase = Math.exp(w[17] * (rating.grade() - 3 + w[18])) * Math.pow(s, -w[19]);
        if (rating != Rating.AGAIN) {
            increase = Math.max(increase, 1.0);
        }
        return s * increase;
    }

    static double clampStability(double s) {
        return Math.min(Math.max(s, S_MIN), S_MAX);
    }

    static double clampDifficulty(double d) {
        return Math.min(Math.max(d, D_MIN), D_MAX);
    }

    @Override
    public String toString() {
        return "MemoryModel" + Arrays.toString(w);
    }
}
