package dev.socratic.tutor;

import java.util.List;
import java.util.Objects;

/**
 * What a grader decided about one answer.
 *
 * @param missingKeyPoints the question's key points the answer did not cover, so a hint can aim at them
 */
public record Verdict(Grade grade, List<String> missingKeyPoints) {

    public enum Grade { CORRECT, PARTIAL, INCORRECT }

    public Verdict {
        Objects.requireNonNull(grade, "grade");
        missingKeyPoints = List.copyOf(missingKeyPoints);
    }

    public static Verdict correct() {
        return new Verdict(Grade.CORRECT, List.of());
    }

    public boolean isCorrect() {
        return grade == Grade.CORRECT;
    }
}
