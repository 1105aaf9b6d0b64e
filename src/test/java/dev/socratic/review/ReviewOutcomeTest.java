package dev.socratic.review;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewOutcomeTest {

    @Test
    void aRevealedAnswerIsAgainWhateverElseHappened() {
        assertThat(new ReviewOutcome(false, 0, 0, true).rating()).isEqualTo(Rating.AGAIN);
        assertThat(new ReviewOutcome(false, 3, 2, false).rating()).isEqualTo(Rating.AGAIN);
    }

    @Test
    void aRightAnswerThatNeededAHintOrAnotherTryIsHard() {
        assertThat(new ReviewOutcome(true, 1, 0, false).rating()).isEqualTo(Rating.HARD);
        assertThat(new ReviewOutcome(true, 0, 1, false).rating()).isEqualTo(Rating.HARD);
        assertThat(new ReviewOutcome(true, 2, 1, true).rating()).isEqualTo(Rating.HARD);
    }

    @Test
    void aCleanAnswerIsGoodWhenCuedAndEasyWhenRecalledFreely() {
        assertThat(new ReviewOutcome(true, 0, 0, true).rating()).isEqualTo(Rating.GOOD);
        assertThat(new ReviewOutcome(true, 0, 0, false).rating()).isEqualTo(Rating.EASY);
    }
}
