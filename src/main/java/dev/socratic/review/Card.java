package dev.socratic.review;

import java.time.Instant;
import java.util.Objects;

/**
 * The learner's memory of one concept after at least one review.
 *
 * @param stability  days until the probability of recall falls to 90%
 * @param difficulty FSRS difficulty, 1 (easiest) to 10 (hardest)
 * @param due        when the concept should next be reviewed
 * @param lastReview when the memory was last exercised (a review, or a {@linkplain FsrsScheduler#credit credit})
 * @param reviews    how many explicit reviews the concept has had, the first one included
 * @param lapses     how many of those reviews after the first were rated {@link Rating#AGAIN}
 */
public record Card(double stability, double difficulty, Instant due, Instant lastReview, int reviews, int lapses) {

    public Card {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(lastReview, "lastReview");
        if (!(stability >= MemoryModel.S_MIN && stability <= MemoryModel.S_MAX)) {
            throw new IllegalArgumentException("stability must be in [%s, %s], was %s"
                    .formatted(MemoryModel.S_MIN, MemoryModel.S_MAX, stability));
        }
        if (!(difficulty >= MemoryModel.D_MIN && difficulty <= MemoryModel.D_MAX)) {
            throw new IllegalArgumentException("difficulty must be in [1, 10], was " + difficulty);
        }
        if (due.isBefore(lastReview)) {
            throw new IllegalArgumentException("due " + due + " is before the last review " + lastReview);
        }
        if (reviews < 1) {
            throw new IllegalArgumentException("a card has had at least one review, was " + reviews);
        }
        if (lapses < 0 || lapses >= reviews) {
            throw new IllegalArgumentException("lapses must be in [0, reviews), was " + lapses);
        }
    }

    MemoryState memory() {
        return new MemoryState(stability, difficulty);
    }
}
