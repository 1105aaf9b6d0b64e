package dev.socratic.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The numbers the calibrated models read: how close an answer is to the references, in meaning
 * (sentence vectors, aligned word pieces) and in words, discounting whatever merely repeats the question.
 */
final class AnswerFeatures {

    static final List<String> PLAIN = List.of(
            "max_cosine", "mean_cosine", "question_cosine", "cosine_over_question",
            "word_recall", "word_precision", "negation_mismatch", "log_words", "novel_word_share",
            "piece_precision", "piece_recall", "piece_f1", "piece_recall_beyond_question", "question_piece_precision");

    static final List<String> CONTRADICTION = concat(PLAIN, List.of(
            "antonym_clash", "answer_negated", "reference_negated", "negation_parity"));

    static final List<String> EXAMPLES = concat(PLAIN, List.of(
            "max_cosine_correct_example", "max_cosine_wrong_example", "top5_cosine_vote",
            "max_f1_correct_example", "max_f1_wrong_example", "top5_f1_vote", "weighted_vote"));

    private AnswerFeatures() {
    }

    /** What the features need from the answer alone, computed once however many references it meets. */
    record AnswerSide(EncodedText answer, EncodedText question, Set<String> novel, double questionCosine,
                      double questionPiecePrecision) {

        static AnswerSide of(EncodedText answer, EncodedText question) {
            return new AnswerSide(answer, question, minus(answer.words(), question.words()),
                    answer.encoding().cosine(question.encoding()), answer.encoding().alignedShare(question.encoding()));
        }
    }

    static double[] plain(EncodedText answer, List<EncodedText> references, EncodedText question) {
        return plain(AnswerSide.of(answer, question), references);
    }

    static double[] plain(AnswerSide side, List<EncodedText> references) {
        var answer = side.answer();
        var question = side.question();
        var a = answer.encoding();
        double maxCosine = -1;
        double sumCosine = 0;
        EncodedText best = references.getFirst();
        for (var reference : references) {
            double cosine = a.cosine(reference.encoding());
            sumCosine += cosine;
            if (cosine > maxCosine) {
                maxCosine = cosine;
                best = reference;
            }
        }
        var novel = side.novel();
        double recall = 0;
        double precision = 0;
        double piecePrecision = 0;
        double pieceRecall = 0;
        double pieceF1 = 0;
        double recallBeyond = 0;
        for (var reference : references) {
            var expected = minus(reference.words(), question.words());
            if (expected.isEmpty()) {
                expected = reference.words();
            }
            recall = Math.max(recall, share(intersection(answer.words(), expected), expected.size()));
            precision = Math.max(precision, share(intersection(novel, reference.words()), novel.size()));
            var r = reference.encoding();
            var alignment = a.align(r);
            double p = alignment.precision();
            double rc = alignment.recall();
            piecePrecision = Math.max(piecePrecision, p);
            pieceRecall = Math.max(pieceRecall, rc);
            pieceF1 = Math.max(pieceF1, f1(p, rc));
            recallBeyond = Math.max(recallBeyond, alignment.recall(r.novelty(question.encoding())));
        }
        return new double[] {
                maxCosine, sumCosine / references.size(), side.questionCosine(), maxCosine - side.questionCosine(),
                recall, precision, answer.negated() != best.negated() ? 1 : 0,
                Math.log1p(answer.words().size()), share(novel.size(), answer.words().size()),
                piecePrecision, pieceRecall, pieceF1, recallBeyond, side.questionPiecePrecision(),
        };
    }

    static double[] contradiction(double[] plain, EncodedText answer, List<EncodedText> references) {
        var best = references.stream()
                .max(Comparator.comparingDouble(r -> answer.encoding().cosine(r.encoding())))
                .orElseThrow();
        return concat(plain, new double[] {
                ContradictionCues.antonymClash(answer.text(), best.text()) ? 1 : 0,
                answer.negated() ? 1 : 0,
                best.negated() ? 1 : 0,
                answer.negations() % 2 != best.negations() % 2 ? 1 : 0,
        });
    }

    /** Closeness to answers of the same question that were already graded (SemEval's training answers). */
    static double[] examples(double[] plain, EncodedText answer, List<GradedExample> examples) {
        var a = answer.encoding();
        int n = examples.size();
        var cosines = new double[n];
        var f1s = new double[n];
        double maxCorrect = 0;
        double maxWrong = 0;
        double maxF1Correct = 0;
        double maxF1Wrong = 0;
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < n; i++) {
            var example = examples.get(i);
            var e = example.text().encoding();
            cosines[i] = a.cosine(e);
            var alignment = a.align(e);
            f1s[i] = f1(alignment.precision(), alignment.recall());
            if (example.correct()) {
                maxCorrect = Math.max(maxCorrect, cosines[i]);
                maxF1Correct = Math.max(maxF1Correct, f1s[i]);
            } else {
                maxWrong = Math.max(maxWrong, cosines[i]);
                maxF1Wrong = Math.max(maxF1Wrong, f1s[i]);
            }
            double w = Math.exp(10 * cosines[i]);
            weighted += example.correct() ? w : 0;
            weights += w;
        }
        return concat(plain, new double[] {
                maxCorrect, maxWrong, topVote(cosines, examples), maxF1Correct, maxF1Wrong, topVote(f1s, examples),
                weights == 0 ? 0 : weighted / weights,
        });
    }

    private static double topVote(double[] scores, List<GradedExample> examples) {
        var order = new ArrayList<Integer>();
        for (int i = 0; i < scores.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]));
        var top = order.subList(0, Math.min(5, order.size()));
        return top.isEmpty() ? 0 : top.stream().filter(i -> examples.get(i).correct()).count() / (double) top.size();
    }

    /** Harmonic mean; aligned shares can be negative, where it means nothing. */
    private static double f1(double precision, double recall) {
        return precision <= 0 || recall <= 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        var result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static int intersection(Set<String> a, Set<String> b) {
        int count = 0;
        for (var word : a) {
            if (b.contains(word)) {
                count++;
            }
        }
        return count;
    }

    private static double share(int part, int whole) {
        return part / (double) Math.max(1, whole);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static double[] concat(double[] a, double[] b) {
        var all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
