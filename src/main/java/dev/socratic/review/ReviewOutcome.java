package dev.socratic.review;

/**
 * How one answer went, as the tutor saw it; {@link #rating()} turns it into an FSRS rating.
 *
 * @param recalled       the learner got it right in the end (false: the answer had to be shown)
 * @param hintsUsed      hints given before the right answer
 * @param failedAttempts wrong or partial answers before the right one
 * @param cued           the answer was prompted rather than produced: picked among options (multiple
 *                       choice) or given right after the concept was explained (its check)
 */
public record ReviewOutcome(boolean recalled, int hintsUsed, int failedAttempts, boolean cued) {

    public ReviewOutcome {
        if (hintsUsed < 0 || failedAttempts < 0) {
            throw new IllegalArgumentException("hints and attempts cannot be negative");
        }
    }

    /**
     * Again when the answer was revealed; Hard when it took a hint or another try; Good for a clean
     * answer that was cued; Easy for a clean answer produced from memory alone. A chat gives no
     * reliable answer time, so effort is read from help needed, and recognition (or the explanation
     * still on screen) counts as less evidence of memory than free recall.
     */
    public Rating rating() {
        if (!recalled) {
            return Rating.AGAIN;
        }
        if (hintsUsed > 0 || failedAttempts > 0) {
            return Rating.HARD;
        }
        return cued ? Rating.GOOD : Rating.EASY;
    }
}
