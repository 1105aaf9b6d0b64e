package dev.socratic.review;

/** How well the learner recalled a concept, on FSRS's four-point scale. */
public enum Rating {
    AGAIN, HARD, GOOD, EASY;

    /** The FSRS grade: 1 for {@link #AGAIN} up to 4 for {@link #EASY}. */
    public int grade() {
        return ordinal() + 1;
    }
}
