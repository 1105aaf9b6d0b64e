package dev.socratic.grading;

import java.util.List;

/** Accuracy and macro-averaged F1 of predicted labels against gold labels. */
record ClassificationScore(double accuracy, double macroF1, int n) {

    static ClassificationScore of(List<String> gold, List<String> predicted, List<String> classes) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted labels differ in number");
        }
        int n = gold.size();
        int right = 0;
        for (int i = 0; i < n; i++) {
            if (gold.get(i).equals(predicted.get(i))) {
                right++;
            }
        }
        double f1Sum = 0;
        for (var label : classes) {
            int truePositive = 0;
            int falsePositive = 0;
            int falseNegative = 0;
            for (int i = 0; i < n; i++) {
                boolean isGold = gold.get(i).equals(label);
                boolean isPredicted = predicted.get(i).equals(label);
                if (isGold && isPredicted) {
                    truePositive++;
                } else if (isPredicted) {
                    falsePositive++;
                } else if (isGold) {
                    falseNegative++;
                }
            }
            int denominator = 2 * truePositive + falsePositive + falseNegative;
            f1Sum += denominator == 0 ? 0 : 2.0 * truePositive / denominator;
        }
        return new ClassificationScore(n == 0 ? 0 : right / (double) n, classes.isEmpty() ? 0 : f1Sum / classes.size(), n);
    }
}
