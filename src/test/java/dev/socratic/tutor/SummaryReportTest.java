package dev.socratic.tutor;

import dev.socratic.tutor.Outbound.Button;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import static dev.socratic.tutor.Learner.last;
import static dev.socratic.tutor.Learner.text;
import static org.assertj.core.api.Assertions.assertThat;

class SummaryReportTest {

    private final Learner learner = new Learner();

    /** Monday: threads; Tuesday: locks; Wednesday: a quiz recalled; Thursday: one revealed. */
    private void aWeekOfWork() {
        learner.coveringThreads();
        learner.clock.advance(Duration.ofDays(1));
        learner.say("/next");
        learner.say("True False");
        learner.clock.advance(Duration.ofDays(1));
        learner.say("/quiz");
        learner.answerTheQuiz();
        learner.clock.advance(Duration.ofDays(1));
        learner.say("/quiz");
        while (learner.recall.quiz().isPresent()) {
            learner.say("wrong");
        }
        learner.clock.advance(Duration.ofDays(3)); // Sunday
    }

    @Test
    void holdsTheWeekTheStreakWhatIsDueTheWeakestAndRecallQuestions() {
        aWeekOfWork();

        var turn = learner.say("/summary");

        var summary = last(turn).plainText();
        assertThat(summary).contains("Your week in review", "The week up to Sunday 8 November",
                "Learned this week (2): Threads, Locks.",
                "Review accuracy: 1 of 2 quiz questions recalled (50%).",
                "No streak right now", // active Monday to Thursday, and today is Sunday
                "Due for review:", "Weakest right now:", "Recall questions:");
        assertThat(summary).endsWith("Which one will you try? Tap it, or send /quiz.");
        assertThat(last(turn).buttons()).hasSizeBetween(2, 3)
                .allSatisfy(button -> assertThat(button.data()).startsWith("recall:"));
    }

    @Test
    void aRecallQuestionTappedStartsThatQuiz() {
        aWeekOfWork();
        var first = last(learner.say("/summary")).buttons().getFirst();

        var turn = learner.press(first.data());

        var concept = first.data().substring(first.data().lastIndexOf(':') + 1);
        assertThat(learner.recall.quiz().orElseThrow().conceptId()).isEqualTo(concept);
        assertThat(text(turn)).contains("Quiz: " + learner.curriculum.require(concept).title());
    }

    @Test
    void countsTheStreakAndOnlyThisWeeksWork() {
        aWeekOfWork();
        learner.clock.advance(Duration.ofDays(7)); // a week with nothing
        learner.say("/quiz");
        learner.answerTheQuiz();

        var summary = last(learner.say("/summary")).plainText();

        assertThat(summary).contains("No new concepts this week.", "Review accuracy: 1 of 1", "Streak: 1 day.");
    }

    @Test
    void namesAPendingCheck() {
        learner.coveringThreads();
        learner.say("/next");

        assertThat(last(learner.say("/summary")).plainText()).contains("Your question on \"Locks\" is still open");
    }

    @Test
    void beforeAnythingIsCoveredThereIsNothingToSummarise() {
        assertThat(text(learner.say("/summary"))).contains("nothing to summarise yet", "/start");
        learner.say("/start");
        assertThat(text(learner.say("/summary"))).contains("haven't finished one yet");
    }

    @Test
    void aConceptWhoseAnswerWasRevealedIsDueAsProgressSays() {
        learner.say("/start");
        while (learner.state instanceof LearnerState.AwaitingAnswer) {
            learner.say("no idea at all");
        }

        assertThat(text(learner.say("/progress"))).contains("Due for review: Threads");
        var summary = last(learner.say("/summary")).plainText();
        assertThat(summary).contains("Due for review: Threads.").doesNotContain("Nothing is due");
        assertThat(summary).as("reviewed minutes ago: nothing is weak yet").doesNotContain("Weakest right now");
    }

    @Test
    void aLongPromptIsCutAfterAWholeWord() {
        assertThat(SummaryReport.shorten("Why is pure-Python CPU work not faster with threads on standard CPython?", 60))
                .isEqualTo("Why is pure-Python CPU work not faster with threads on…");
        assertThat(SummaryReport.shorten("short", 60)).isEqualTo("short");
        assertThat(SummaryReport.shorten("x".repeat(80), 60)).hasSize(60).endsWith("…");
    }

    @Test
    void recallQuestionsNameConceptsByTitle() {
        learner.coveringThreads();

        var buttons = last(learner.say("/summary")).buttons();

        assertThat(buttons).extracting(Button::label).containsExactly("1. Threads");
    }

    @Nested
    class Streaks {

        private final LocalDate today = LocalDate.of(2026, 11, 8);

        @Test
        void countsConsecutiveDaysEndingToday() {
            assertThat(SummaryReport.streakDays(Set.of(today, today.minusDays(1), today.minusDays(2), today.minusDays(4)),
                    today)).isEqualTo(3);
        }

        @Test
        void isNotBrokenUntilTodayIsOver() {
            assertThat(SummaryReport.streakDays(Set.of(today.minusDays(1), today.minusDays(2)), today)).isEqualTo(2);
        }

        @Test
        void isZeroAfterADayMissed() {
            assertThat(SummaryReport.streakDays(Set.of(today.minusDays(2)), today)).isZero();
        }
    }
}
