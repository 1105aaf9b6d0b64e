package dev.socratic.grading;

import dev.socratic.grading.GraderCalibration.QuestionRows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How well the calibration does on training questions it was not fitted on: the models are refitted
 * on four fifths of the training answers and judged on the rest, five times. The answers are held
 * out by question family, never by single question, since a family's variants share their
 * references: a Beetle question's siblings differ in a digit ({@code VOLTAGE_GAP_EXPLAIN_WHY1} …
 * {@code WHY6}), and a SciEntsBank question belongs to a module ({@code FN_17a}: FN). Holding out
 * single questions let a model learn its held-out question from the siblings and overrated it.
 * This is the figure to choose features and models by; the test splits are for reporting only.
 */
final class CrossValidation {

    static final int FOLDS = 5;
    private static final Pattern BEETLE_VARIANT = Pattern.compile("_?Q?\\d*$");
    private static final Pattern MODULE_END = Pattern.compile("[_-].*$");

    private CrossValidation() {
    }

    /** The family a question belongs to (see the class comment). */
    static String family(String corpus, String questionId) {
        return corpus + "/" + switch (corpus) {
            case "beetle" -> BEETLE_VARIANT.matcher(questionId).replaceFirst("");
            case "sciEntsBank" -> MODULE_END.matcher(questionId).replaceFirst("");
            default -> questionId;
        };
    }

    /** Families to folds: largest family first into the fold with fewest answers so far (ties: lower fold). */
    static Map<String, Integer> folds(List<QuestionRows> questions) {
        var sizes = new TreeMap<String, Integer>();
        for (var question : questions) {
            sizes.merge(family(question.question().corpus(), question.question().id()), question.rows().size(), Integer::sum);
        }
        var families = new ArrayList<>(sizes.keySet());
        families.sort(Comparator.comparing((String f) -> -sizes.get(f)).thenComparing(Comparator.naturalOrder()));
        var load = new int[FOLDS];
        var folds = new HashMap<String, Integer>();
        for (var family : families) {
            int smallest = 0;
            for (int k = 1; k < FOLDS; k++) {
                if (load[k] < load[smallest]) {
                    smallest = k;
                }
            }
            folds.put(family, smallest);
            load[smallest] += sizes.get(family);
        }
        return folds;
    }

    /**
     * One line per corpus and model, e.g.
     * {@code grader-note cv references-only sciEntsBank 2way accuracy=0.694 n=4969 (5 folds by question family)};
     * an answer with nothing to grade counts as graded incorrect, as the grader does.
     */
    static List<String> report(List<QuestionRows> questions) {
        var folds = folds(questions);
        var right = new TreeMap<String, int[]>();
        for (int fold = 0; fold < FOLDS; fold++) {
            var fitting = new ArrayList<QuestionRows>();
            var held = new ArrayList<QuestionRows>();
            for (var question : questions) {
                boolean out = folds.get(family(question.question().corpus(), question.question().id())) == fold;
                (out ? held : fitting).add(question);
            }
            if (held.isEmpty() || fitting.isEmpty()) {
                continue;
            }
            var calibration = GraderCalibration.fit(fitting);
            for (var question : held) {
                for (var row : question.rows()) {
                    boolean empty = EmbeddingGrader.contentOf(row.answer().text()).isEmpty();
                    boolean correct = row.answer().correct();
                    tally(right, "references-only " + question.question().corpus(),
                            !empty && calibration.correct().probability(row.plain()) >= EmbeddingGrader.CORRECT, correct);
                    if (row.examples() != null) {
                        tally(right, "with-examples " + question.question().corpus(),
                                !empty && calibration.withExamples().probability(row.examples()) >= EmbeddingGrader.CORRECT,
                                correct);
                    }
                }
            }
        }
        var lines = new ArrayList<String>();
        right.forEach((key, counts) -> lines.add(String.format(Locale.ROOT,
                "grader-note cv %s 2way accuracy=%.3f n=%d (%d folds by question family)",
                key, counts[0] / (double) counts[1], counts[1], FOLDS)));
        return lines;
    }

    private static void tally(Map<String, int[]> right, String key, boolean predicted, boolean correct) {
        var counts = right.computeIfAbsent(key, k -> new int[2]);
        counts[0] += predicted == correct ? 1 : 0;
        counts[1]++;
    }
}
