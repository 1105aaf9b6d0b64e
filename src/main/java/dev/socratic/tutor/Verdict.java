package dev.socratic.tutor;

import java.util.List;
import java.util.Objects;

/**
 * What a grader decided about one answer.
 *
 * @param missingKeyPoints the question's key points the answer did not cover, so a hint can aim at them
 * @param feedback         what the grader found out, for the learner (such as the test case that failed
 *                         when the answer was run); empty when the grade says it all
 * @param attempt          false when the answer could not be read at all (code Python cannot parse): a
 *                         typo to fix, not a wrong idea, so it costs no hint and is not an attempt
 */
public record Verdict(Grade grade, List<String> missingKeyPoints, List<Outbound.Block> feedback, boolean attempt) {

    public enum Grade { CORRECT, PARTIAL, INCORRECT }

    public Verdict {
        Objects.requireNonNull(grade, "grade");
        if (!attempt && grade == Grade.CORRECT) {
            throw new IllegalArgumentException("a correct answer was read");
        }
        missingKeyPoints = List.copyOf(missingKeyPoints);
        feedback = List.copyOf(Objects.requireNonNullElse(feedback, List.of()));
    }

    public Verdict(Grade grade, List<String> missingKeyPoints, List<Outbound.Block> feedback) {
        this(grade, missingKeyPoints, feedback, true);
    }

    public Verdict(Grade grade, List<String> missingKeyPoints) {
        this(grade, missingKeyPoints, List.of());
    }

    public static Verdict correct() {
        return new Verdict(Grade.CORRECT, List.of());
    }

    public boolean isCorrect() {
        return grade == Grade.CORRECT;
    }
}
