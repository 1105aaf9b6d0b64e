package dev.socratic.tutor;

import dev.socratic.curriculum.Question;

/**
 * An explanation built up over several messages, as the hints invite: what the learner said before
 * that was partly right is read together with the next message, so answering the hint's question
 * adds the missing piece instead of counting as a new, smaller answer. Only for answers in prose.
 */
final class AnswerSoFar {

    /** The most of the earlier answers that is kept; the latest words matter most. */
    static final int MAX_CHARS = 2_000;

    private AnswerSoFar() {
    }

    /** The verdict on {@code answer} with {@code sofar} before it, when that reads better than {@code alone}. */
    static Verdict grade(Grader grader, Question question, String sofar, String answer, Verdict alone) {
        if (alone.isCorrect() || sofar.isEmpty() || !question.kind().isProse()) {
            return alone;
        }
        var whole = grader.grade(question, sofar + "\n" + answer);
        return whole.grade().ordinal() < alone.grade().ordinal() ? whole : alone; // grades run best first
    }

    /** What is kept after {@code answer}: it is added only when it was partly right on its own. */
    static String after(String sofar, Question question, String answer, Verdict alone) {
        if (alone.grade() != Verdict.Grade.PARTIAL || !question.kind().isProse()) {
            return sofar;
        }
        return sofar.isEmpty() ? answer : sofar + "\n" + answer;
    }

    /** {@code sofar} as the states keep it: stripped, its last {@link #MAX_CHARS} characters. */
    static String keep(String sofar) {
        var text = sofar == null ? "" : sofar.strip();
        return text.length() <= MAX_CHARS ? text : text.substring(text.length() - MAX_CHARS);
    }
}
