package dev.socratic.grading;

import dev.socratic.curriculum.Question;
import dev.socratic.tutor.Grader;
import dev.socratic.tutor.Verdict;
import dev.socratic.tutor.Verdict.Grade;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A lexical grader: exact output for predict-output and multiple choice, key-point coverage for
 * free text. The model answer always passes.
 */
public final class KeyPointGrader implements Grader {

    /** Share of a key point's content words an answer must contain to cover it. */
    private static final double POINT_COVERAGE = 0.5;

    @Override
    public Verdict grade(Question question, String answer) {
        var given = answer == null ? "" : answer;
        if (AnswerText.sameOutput(given, question.answer())) {
            return Verdict.correct();
        }
        return switch (question.kind()) {
            case PREDICT_OUTPUT, MULTIPLE_CHOICE, WRITE_CODE -> new Verdict(Grade.INCORRECT, question.keyPoints());
            case EXPLAIN_BACK, SPOT_THE_BUG, TRADEOFF -> byKeyPoints(question, given);
        };
    }

    private static Verdict byKeyPoints(Question question, String answer) {
        var words = new HashSet<>(AnswerText.contentWords(answer));
        var points = question.keyPoints().isEmpty() ? List.of(question.answer()) : question.keyPoints();
        var missing = new ArrayList<String>();
        for (var point : points) {
            if (!covers(words, point)) {
                missing.add(point);
            }
        }
        if (missing.isEmpty()) {
            return Verdict.correct();
        }
        var grade = missing.size() < points.size() ? Grade.PARTIAL : Grade.INCORRECT;
        return new Verdict(grade, missing);
    }

    private static boolean covers(HashSet<String> answerWords, String point) {
        var pointWords = new HashSet<>(AnswerText.contentWords(point));
        if (pointWords.isEmpty()) {
            return true;
        }
        long found = pointWords.stream().filter(answerWords::contains).count();
        return found >= Math.ceil(pointWords.size() * POINT_COVERAGE);
    }
}
