package dev.socratic.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * FSRS-6 spaced-repetition scheduling for a chat tutor: long-term only, so every review, the first
 * included, schedules the next one whole days ahead (no minute-level learning steps). No fuzz.
 *
 * <p>Elapsed time counts in whole 24-hour days since the last review, as py-fsrs does; a review less
 * than a day after the previous one uses the FSRS-6 same-day stability formula.
 *
 * <p>As ts-fsrs's long-term scheduler does, the four possible outcomes of a review keep their
 * intervals in order: Again is no longer than Hard, and Hard, Good and Easy each at least a day longer
 * than the one before (then all capped at the maximum interval).
 */
public final class FsrsScheduler {

    public static final double DEFAULT_DESIRED_RETENTION = 0.9;
    public static final int DEFAULT_MAXIMUM_INTERVAL_DAYS = 36500;

    private final MemoryModel model;
    private final double desiredRetention;
    private final int maximumIntervalDays;

    /** The FSRS-6 default parameters, desired retention 0.9, intervals of at most 36500 days. */
    public FsrsScheduler() {
        this(MemoryModel.DEFAULT_WEIGHTS, DEFAULT_DESIRED_RETENTION);
    }

    public FsrsScheduler(double[] weights, double desiredRetention) {
        this(weights, desiredRetention, DEFAULT_MAXIMUM_INTERVAL_DAYS);
    }

    /**
     * @param weights             the 21 FSRS-6 parameters w0..w20
     * @param desiredRetention    recall probability to schedule for, in (0, 1]
     * @param maximumIntervalDays longest interval the scheduler gives, at least 1
     */
    public FsrsScheduler(double[] weights, double desiredRetention, int maximumIntervalDays) {
        if (!(desiredRetention > 0.0 && desiredRetention <= 1.0)) {
            throw new IllegalArgumentException("desired retention must be in (0, 1], was " + desiredRetention);
        }
        if (maximumIntervalDays < 1) {
            throw new IllegalArgumentException("maximum interval must be at least 1 day, was " + maximumIntervalDays);
        }
        this.model = new MemoryModel(weights);
        this.desiredRetention = desiredRetention;
        this.maximumIntervalDays = maximumIntervalDays;
    }

    /** The card after the concept's first review. */
    public Card first(Rating rating, Instant now) {
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(now, "now");
        var outcomes = new MemoryState[4];
        for (Rating r : Rating.values()) {
            outcomes[r.ordinal()] = model.initial(r);
        }
        return schedule(outcomes, rating, now, 1, 0);
    }

    /** The card after a review rated {@code rating} at {@code now}. */
    public Card review(Card card, Rating rating, Instant now) {
        Objects.requireNonNull(rating, "rating");
        long elapsed = elapsedDays(card, now);
        var outcomes = new MemoryState[4];
        for (Rating r : Rating.values()) {
            outcomes[r.ordinal()] = model.next(card.memory(), elapsed, r);
        }
        int lapses = card.lapses() + (rating == Rating.AGAIN ? 1 : 0);
        return schedule(outcomes, rating, now, card.reviews() + 1, lapses);
    }

    /** Predicted probability that the learner recalls the concept at {@code now}. */
    public double retrievability(Card card, Instant now) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(now, "now");
        long elapsed = Math.max(0, Duration.between(card.lastReview(), now).toDays());
        return model.retrievability(elapsed, card.stability());
    }

    /** The interval that brings recall down to the desired retention: whole days, at least 1, capped. */
    public Duration interval(double stability) {
        if (!(stability > 0.0 && Double.isFinite(stability))) {
            throw new IllegalArgumentException("stability must be positive and finite, was " + stability);
        }
        return Duration.ofDays(intervalDays(stability));
    }

    /**
     * Implicit-repetition credit: the learner answered correctly a concept that builds on this one,
     * so this one was recalled without being asked.
     *
     * <p>Choice: once at least half of the card's scheduled interval (and at least one whole day) has
     * passed, the credit counts as a review rated Hard for stability (FSRS recall stability with the
     * w15 Hard penalty at the retrievability reached by now), with difficulty unchanged and the card
     * rescheduled from {@code now}. Earlier, the card is returned unchanged. Why:
     * <ul>
     *   <li>Hard, not Good: using a prerequisite inside another answer is weaker evidence than
     *       recalling it when asked, and it may have been only partly needed, so the stability gain is
     *       the smaller, penalised one.</li>
     *   <li>Difficulty unchanged: a real Hard rating raises difficulty, but a correct dependent
     *       answer is no sign the prerequisite is harder than thought.</li>
     *   <li>Only in the interval's last half: early on retrievability is near 1, so a success says
     *       little and FSRS would add almost nothing; it would still restart the clock, and a
     *       prerequisite used every day by other concepts would then never come up for a direct
     *       review.</li>
     * </ul>
     * The explicit review count and lapses stay as they were.
     */
    public Card credit(Card card, Instant now) {
        long elapsed = elapsedDays(card, now);
        Duration scheduled = Duration.between(card.lastReview(), card.due());
        Duration sinceLast = Duration.between(card.lastReview(), now);
        if (elapsed < 1 || sinceLast.compareTo(scheduled.dividedBy(2)) < 0) {
            return card;
        }
        double r = model.retrievability(elapsed, card.stability());
        double stability = MemoryModel.clampStability(
                model.recallStability(card.difficulty(), card.stability(), r, Rating.HARD));
        return new Card(stability, card.difficulty(), now.plus(interval(stability)), now,
                card.reviews(), card.lapses());
    }

    private Card schedule(MemoryState[] outcomes, Rating rating, Instant now, int reviews, int lapses) {
        long[] days = new long[4];
        for (int i = 0; i < 4; i++) {
            days[i] = intervalDays(outcomes[i].stability());
        }
        // ts-fsrs LongTermScheduler.next_interval: keep Again <= Hard < Good < Easy.
        days[0] = Math.min(days[0], days[1]);
        for (int i = 1; i < 4; i++) {
            days[i] = Math.max(days[i], days[i - 1] + 1);
        }
        long chosen = Math.min(days[rating.ordinal()], maximumIntervalDays);
        MemoryState memory = outcomes[rating.ordinal()];
        return new Card(memory.stability(), memory.difficulty(), now.plus(Duration.ofDays(chosen)), now,
                reviews, lapses);
    }

    private long intervalDays(double stability) {
        long days = Math.round(model.intervalDays(stability, desiredRetention));
        return Math.min(Math.max(days, 1), maximumIntervalDays);
    }

    private static long elapsedDays(Card card, Instant now) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(now, "now");
        if (now.isBefore(card.lastReview())) {
            throw new IllegalArgumentException("now " + now + " is before the last review " + card.lastReview());
        }
        return Duration.between(card.lastReview(), now).toDays();
    }
}
