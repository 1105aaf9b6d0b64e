package dev.socratic.grading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTextTest {

    private static final String SEMAPHORE = "True\nTrue\nFalse\nValueError\nFalse\nTrue\n";
    private static final String QUEUE = "put 0\ngot 0\nput 1\ngot 1\n";

    @Test
    void linesMayBeWrittenOnOneLineWithSpacesCommasOrSemicolons() {
        assertThat(AnswerText.sameOutput("True True False ValueError False True", SEMAPHORE)).isTrue();
        assertThat(AnswerText.sameOutput("True, True, False, ValueError, False, True", SEMAPHORE)).isTrue();
        assertThat(AnswerText.sameOutput("True; True; False; ValueError; False; True", SEMAPHORE)).isTrue();
        assertThat(AnswerText.sameOutput("put 0, got 0, put 1, got 1", QUEUE)).isTrue();
        assertThat(AnswerText.sameOutput("put 0\ngot 0\nput 1\ngot 1", QUEUE)).isTrue();
    }

    @Test
    void theValuesStillHaveToBeRightAndInOrder() {
        assertThat(AnswerText.sameOutput("True, True, True, ValueError, False, True", SEMAPHORE)).isFalse();
        assertThat(AnswerText.sameOutput("put 0, put 1, got 0, got 1", QUEUE)).isFalse();
        assertThat(AnswerText.sameOutput("True, True, False, ValueError, False", SEMAPHORE)).isFalse();
        assertThat(AnswerText.sameOutput("put 0 got 0, put 1 got 1", QUEUE)).isFalse();
        assertThat(AnswerText.sameOutput("", SEMAPHORE)).isFalse();
    }

    @Test
    void quotesAroundValuesDoNotCountWhenTheOutputHasNone() {
        assertThat(AnswerText.sameOutput("'False' 'worker' 'main'", "False\nworker\nmain\n")).isTrue();
        assertThat(AnswerText.sameOutput("\"False\", \"worker\", \"main\"", "False\nworker\nmain\n")).isTrue();
        assertThat(AnswerText.sameOutput("'hello'", "hello")).isTrue();
    }

    @Test
    void quotesThatAreOutputMustBeThere() {
        assertThat(AnswerText.sameOutput("['a', 'b']", "['a', 'b']")).isTrue();
        assertThat(AnswerText.sameOutput("[a, b]", "['a', 'b']")).isFalse();
        assertThat(AnswerText.sameOutput("\"a\"", "'a'")).isTrue();
    }

    @Test
    void aCommaInsideBracketsIsPartOfTheValue() {
        var expected = "[1, 2]\n(3, 4)\n";

        assertThat(AnswerText.sameOutput("[1, 2], (3, 4)", expected)).isTrue();
        assertThat(AnswerText.sameOutput("[1, 2, (3, 4)", expected)).isFalse();
    }

    @Test
    void aOneLineOutputIsNotSplitAtItsCommas() {
        assertThat(AnswerText.sameOutput("1, 2, 3", "[1, 2, 3]")).isFalse();
        assertThat(AnswerText.sameOutput("a, b", "a, b")).isTrue();
        assertThat(AnswerText.sameOutput("a b", "a, b")).isFalse();
    }
}
