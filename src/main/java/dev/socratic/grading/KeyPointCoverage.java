package dev.socratic.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which of a question's key points an answer states, so that a hint can aim at a missing one.
 * A key point is read as a small reference answer of its own and judged by the same calibrated model
 * as whole answers, against the whole answer and against each of its clauses.
 */
final class KeyPointCoverage {

    /** P(a key point is stated) from which it counts as covered. */
    static final double KEY_POINT = 0.5;
    /** Clauses looked at one by one; an answer rarely has more. */
    private static final int MAX_CLAUSES = 8;
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "(?<=[.!?;])\\s+|\\n+|\\s+[-\u2013\u2014]+\\s+|,\\s+(?=but\\b|whereas\\b|while\\b)");

    private final LogisticModel model;

    KeyPointCoverage(LogisticModel model) {
        this.model = model;
    }

    /** The answer's clauses, when it has several; none when it is one clause (the whole answer covers it). */
    static List<SentenceEncoder.Span> clauses(String answer) {
        var clauses = new ArrayList<SentenceEncoder.Span>();
        var breaks = CLAUSE_BREAK.matcher(answer);
        int start = 0;
        while (clauses.size() < MAX_CLAUSES) {
            boolean found = breaks.find();
            int end = found ? breaks.start() : answer.length();
            var clause = answer.substring(start, end);
            if (!AnswerText.contentWords(clause).isEmpty()) {
                int lead = clause.length() - clause.stripLeading().length();
                clauses.add(new SentenceEncoder.Span(start + lead, start + clause.stripTrailing().length()));
            }
            if (!found) {
                break;
            }
            start = breaks.end();
        }
        return clauses.size() < 2 ? List.of() : List.copyOf(clauses);
    }

    /** For each key point of the rubric, in order, whether the answer (or one of its clauses) covers it. */
    List<Boolean> covered(EncodedText answer, List<EncodedText> clauses, Rubric rubric) {
        var covered = new ArrayList<Boolean>();
        if (rubric.keyPoints().isEmpty()) {
            return covered;
        }
        var whole = AnswerFeatures.AnswerSide.of(answer, rubric.question());
        var parts = clauses.stream().map(clause -> AnswerFeatures.AnswerSide.of(clause, rubric.question())).toList();
        for (var point : rubric.keyPoints()) {
            covered.add(covers(whole, parts, point));
        }
        return covered;
    }

    /**
     * A key point is covered when the whole answer or one of its clauses states it without negating
     * it ("threads don't share memory" does not cover "threads share memory"). A clause that negates
     * the point cannot cover it, and neither can the whole answer then.
     */
    private boolean covers(AnswerFeatures.AnswerSide whole, List<AnswerFeatures.AnswerSide> clauses, EncodedText point) {
        boolean negatedSomewhere = opposite(whole.answer(), point)
                || clauses.stream().anyMatch(clause -> opposite(clause.answer(), point));
        if (!negatedSomewhere && stated(whole, point)) {
            return true;
        }
        return clauses.stream().anyMatch(clause -> !opposite(clause.answer(), point) && stated(clause, point));
    }

    private boolean stated(AnswerFeatures.AnswerSide part, EncodedText point) {
        return model.probability(AnswerFeatures.plain(part, List.of(point))) >= KEY_POINT;
    }

    /** The part negates words the (positive) point asserts, and shares most of the point's words. */
    private static boolean opposite(EncodedText part, EncodedText point) {
        if (!part.negated() || point.negated() || point.words().isEmpty()) {
            return false;
        }
        var negated = ContradictionCues.negatedWords(part.text());
        if (point.words().stream().noneMatch(negated::contains)) {
            return false;
        }
        long shared = point.words().stream().filter(part.words()::contains).count();
        return shared >= 0.5 * point.words().size();
    }
}
