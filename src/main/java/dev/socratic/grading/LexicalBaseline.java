package dev.socratic.grading;

import dev.socratic.grading.SemEvalCorpus.SemEvalQuestion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's yardstick: an answer is correct when it repeats enough of a reference answer's
 * content words (the best reference's share), with the threshold fitted per corpus on the training answers.
 */
final class LexicalBaseline {

    private final Map<String, Double> thresholds;

    private LexicalBaseline(Map<String, Double> thresholds) {
        this.thresholds = Map.copyOf(thresholds);
    }

    static LexicalBaseline fit(List<SemEvalQuestion> training) {
        var byCorpus = new HashMap<String, List<double[]>>();
        for (var question : training) {
            for (var answer : question.answers()) {
                byCorpus.computeIfAbsent(question.corpus(), c -> new ArrayList<>())
                        .add(new double[] {overlap(question.references(), answer.text()), answer.correct() ? 1 : 0});
            }
        }
        var thresholds = new HashMap<String, Double>();
        byCorpus.forEach((corpus, rows) -> thresholds.put(corpus, bestThreshold(rows)));
        return new LexicalBaseline(thresholds);
    }

    boolean correct(String corpus, List<String> references, String answer) {
        return overlap(references, answer) >= thresholds.getOrDefault(corpus, 0.5);
    }

    static double overlap(List<String> references, String answer) {
        var words = new HashSet<>(AnswerText.contentWords(answer));
        double best = 0;
        for (var reference : references) {
            var expected = new HashSet<>(AnswerText.contentWords(reference));
            if (!expected.isEmpty()) {
                best = Math.max(best, expected.stream().filter(words::contains).count() / (double) expected.size());
            }
        }
        return best;
    }

    /** The cut that classifies the most training answers right. */
    private static double bestThreshold(List<double[]> rows) {
        rows.sort(Comparator.comparingDouble(row -> row[0]));
        long positives = rows.stream().filter(row -> row[1] == 1).count();
        // everything at or above rows[i] is called correct
        long right = positives;
        long best = right;
        double threshold = rows.isEmpty() ? 0.5 : rows.getFirst()[0];
        for (int i = 0; i < rows.size(); i++) {
            right += rows.get(i)[1] == 1 ? -1 : 1;
            boolean boundary = i + 1 == rows.size() || rows.get(i + 1)[0] > rows.get(i)[0];
            if (boundary && right > best) {
                best = right;
                threshold = i + 1 == rows.size() ? Double.MAX_VALUE : rows.get(i + 1)[0];
            }
        }
        return threshold;
    }
}
