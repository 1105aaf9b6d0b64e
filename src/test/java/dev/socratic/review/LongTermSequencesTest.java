package dev.socratic.review;

import static dev.socratic.review.Rating.AGAIN;
import static dev.socratic.review.Rating.EASY;
import static dev.socratic.review.Rating.GOOD;
import static dev.socratic.review.Rating.HARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interval, stability and difficulty histories from ts-fsrs's long-term scheduler, the published
 * scheduler without learning steps (open-spaced-repetition/ts-fsrs,
 * packages/fsrs/__tests__/impl/long-term_scheduler.test.ts, tests test1..test5). Each review happens
 * on the previous due date, so none is a same-day review.
 *
 * <p>Those tests run with {@code enable_short_term: false}. With reviews a day or more apart that
 * setting changes only the cap on post-lapse stability (S instead of S / e^(w17·w18)); in these
 * histories the post-lapse stability is far below both caps, so the vectors hold for this scheduler.
 * The parameters are FSRS-5 ones, filled to 21 with w19 = 0 and w20 = 0.5 as ts-fsrs migrateParameters
 * does. ts-fsrs rounds each stability and difficulty to 8 decimals.
 */
class LongTermSequencesTest {

    private static final FsrsScheduler SCHEDULER = new FsrsScheduler(FsrsSchedulerTest.fsrs5(
            0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597,
            0.1712, 1.1178, 2.0225, 0.0904, 0.3025, 2.1214, 0.2498, 2.9466, 0.4891,
            0.6468), 0.9);

    // ts-fsrs rounds retrievability and the decay factor to 8 decimals too; through the stability
    // formulas that moves results by up to about 4e-8 of their value, so compare to 1e-7 relative.
    private static final double PERCENT = 1e-5;

    private static void assertHistory(List<Rating> ratings, long[] intervals, double[] stability, double[] difficulty) {
        Instant now = Instant.parse("2022-12-29T12:30:00Z");
        Card card = null;
        for (int i = 0; i < ratings.size(); i++) {
            card = card == null ? SCHEDULER.first(ratings.get(i), now) : SCHEDULER.review(card, ratings.get(i), now);
            assertThat(Duration.between(card.lastReview(), card.due()).toDays()).as("interval %d", i).isEqualTo(intervals[i]);
            assertThat(card.stability()).as("stability %d", i).isCloseTo(stability[i], withinPercentage(PERCENT));
            assertThat(card.difficulty()).as("difficulty %d", i).isCloseTo(difficulty[i], withinPercentage(PERCENT));
            now = card.due();
        }
    }

    @Test
    void six_goods_two_agains_then_five_goods() {
        assertHistory(
                List.of(GOOD, GOOD, GOOD, GOOD, GOOD, GOOD, AGAIN, AGAIN, GOOD, GOOD, GOOD, GOOD, GOOD),
                new long[] {3, 13, 48, 155, 445, 1158, 17, 3, 11, 37, 112, 307, 773},
                new double[] {3.0412, 13.09130698, 48.15848988, 154.93732625, 445.05562739, 1158.07779739,
                    16.63063166, 3.01732209, 11.42247264, 37.37521902, 111.8752758, 306.5974569, 772.94026648},
                new double[] {4.49094334, 4.26664289, 4.05746029, 3.86237659, 3.68044154, 3.51076891, 4.69833071,
                    5.55956298, 5.26323756, 4.98688448, 4.72915759, 4.4888015, 4.26464541});
    }

    @Test
    void starting_with_again() {
        assertHistory(
                List.of(AGAIN, HARD, GOOD, EASY, AGAIN, HARD, GOOD, EASY),
                new long[] {1, 2, 6, 41, 4, 7, 21, 133},
                new double[] {0.4197, 1.0344317, 5.5356759, 41.0033667, 4.46605519, 6.67743292, 20.88868155,
                    132.81849454},
                new double[] {7.1434, 7.03653841, 6.64066485, 5.92312772, 6.44779861, 6.45995078, 6.10293922,
                    5.36588547});
    }

    @Test
    void starting_with_hard() {
        assertHistory(
                List.of(HARD, GOOD, EASY, AGAIN, HARD, GOOD, EASY, AGAIN),
                new long[] {2, 7, 54, 5, 8, 26, 171, 8},
                new double[] {1.1869, 6.59167572, 53.76078737, 5.0853693, 8.09786749, 25.52991279, 171.16195166,
                    8.11072373},
                new double[] {6.23225985, 5.89059466, 5.14583392, 5.884097, 5.99269555, 5.667177, 4.91430736,
                    5.71619151});
    }

    @Test
    void starting_with_good() {
        assertHistory(
                List.of(GOOD, EASY, AGAIN, HARD, GOOD, EASY, AGAIN, HARD),
                new long[] {3, 33, 4, 7, 26, 193, 9, 14},
                new double[] {3.0412, 32.65484522, 4.22256838, 7.2325009, 25.52681746, 193.36618775, 8.63899847,
                    14.31323867},
                new double[] {4.49094334, 3.69538259, 4.83221448, 5.12078462, 4.85403286, 4.07165035, 5.1050878,
                    5.34697075});
    }

    @Test
    void starting_with_easy() {
        assertHistory(
                List.of(EASY, AGAIN, HARD, GOOD, EASY, AGAIN, HARD, GOOD),
                new long[] {15, 3, 6, 27, 240, 10, 17, 60},
                new double[] {15.2441, 3.25621013, 6.32684549, 26.56339029, 239.70462771, 9.75621519, 17.06035531,
                    59.59547542},
                new double[] {1.16304343, 2.99573557, 3.59851762, 3.43436666, 2.60045771, 4.03816348, 4.46259158,
                    4.24020203});
    }
}
