package dev.socratic.grading;

import java.util.List;

/**
 * The grader's reading of one answer, before it becomes a {@link dev.socratic.tutor.Verdict}.
 *
 * @param correct        probability that the answer is correct
 * @param contradiction  probability that it contradicts the reference (meaningful when not correct)
 * @param covered        for each key point of the rubric, in order, whether the answer covers it
 */
record Assessment(double correct, double contradiction, List<Boolean> covered) {

    Assessment {
        covered = List.copyOf(covered);
    }

    long coveredCount() {
        return covered.stream().filter(Boolean::booleanValue).count();
    }
}
