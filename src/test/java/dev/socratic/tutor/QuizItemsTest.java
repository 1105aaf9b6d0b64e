package dev.socratic.tutor;

import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Question;
import dev.socratic.review.Card;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QuizItemsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static Question question(CheckKind kind, String prompt, List<String> choices, String answer) {
        return new Question(kind, prompt, null, answer, List.of(), List.of(), choices, null, List.of());
    }

    private static Concept concept(List<Question> quiz) {
        var check = question(CheckKind.EXPLAIN_BACK, "Why?", List.of(), "Because.");
        return new Concept("c", "C", List.of(), "x", null, null, List.of(), check, quiz);
    }

    private static Optional<Card> reviewed(int times) {
        return Optional.of(new Card(3, 5, NOW, NOW, times, 0));
    }

    @Test
    void aConceptWithoutQuizItemsIsReviewedWithItsCheck() {
        var concept = concept(List.of());

        assertThat(QuizItems.of(concept)).containsExactly(concept.check());
        assertThat(QuizItems.next(concept, reviewed(4))).isZero();
    }

    @Test
    void quizItemsTakeTurnsFromTheFirstAfterTheCheck() {
        var concept = concept(List.of(question(CheckKind.TRADEOFF, "a?", List.of(), "a"),
                question(CheckKind.TRADEOFF, "b?", List.of(), "b")));

        assertThat(QuizItems.next(concept, Optional.empty())).isZero();
        assertThat(QuizItems.next(concept, reviewed(1))).isZero();
        assertThat(QuizItems.next(concept, reviewed(2))).isEqualTo(1);
        assertThat(QuizItems.next(concept, reviewed(3))).isZero();
    }

    @Test
    void aTypedOptionIsFoundByItsTextThenItsLetterThenItsNumber() {
        var letters = question(CheckKind.MULTIPLE_CHOICE, "Which?", List.of("Only the thread", "The whole process"),
                "The whole process");
        var numbers = question(CheckKind.MULTIPLE_CHOICE, "How many?", List.of("3", "1", "2"), "2");

        assertThat(QuizItems.choiceIndex(letters, "  the whole   PROCESS. ")).isEqualTo(1);
        assertThat(QuizItems.choiceIndex(letters, "b")).isEqualTo(1);
        assertThat(QuizItems.choiceIndex(letters, "(A)")).isZero();
        assertThat(QuizItems.choiceIndex(letters, "2")).isEqualTo(1);
        assertThat(QuizItems.choiceIndex(letters, "c")).isEqualTo(-1);
        assertThat(QuizItems.choiceIndex(letters, "the process, surely")).isEqualTo(-1);
        // an option that is itself a number wins over a position
        assertThat(QuizItems.choiceIndex(numbers, "2")).isEqualTo(2);
    }

    @Test
    void anOptionCanBeTypedByTheWordsItBeginsWithWhenOnlyOneBeginsSo() {
        var sizes = question(CheckKind.MULTIPLE_CHOICE, "How many connections?",
                List.of("5 connections", "7 connections", "70 connections", "The whole pool"), "7 connections");

        assertThat(QuizItems.choiceIndex(sizes, "7")).isEqualTo(1);
        assertThat(QuizItems.choiceIndex(sizes, "70")).isEqualTo(2);
        assertThat(QuizItems.choiceIndex(sizes, "the whole")).isEqualTo(3);
        assertThat(QuizItems.choiceIndex(sizes, "3")).as("a position still comes first").isEqualTo(2);
        assertThat(QuizItems.choiceIndex(sizes, "connections")).isEqualTo(-1);
        assertThat(QuizItems.choiceIndex(sizes, "the")).isEqualTo(3);
        var twoBegin = question(CheckKind.MULTIPLE_CHOICE, "Which?", List.of("a lock", "a queue"), "a lock");
        assertThat(QuizItems.choiceIndex(twoBegin, "a")).as("the letter a").isZero();
        assertThat(QuizItems.choiceIndex(twoBegin, "an")).isEqualTo(-1);
    }
}
