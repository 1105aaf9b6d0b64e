package dev.socratic.grading;

import dev.socratic.grading.GraderCalibration.QuestionRows;
import dev.socratic.grading.SemEvalCorpus.SemEvalQuestion;
import dev.socratic.grading.SemEvalCorpus.StudentAnswer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrossValidationTest {

    @Test
    void variantsOfABeetleQuestionAreOneFamily() {
        assertThat(CrossValidation.family("beetle", "VOLTAGE_GAP_EXPLAIN_WHY1"))
                .isEqualTo(CrossValidation.family("beetle", "VOLTAGE_GAP_EXPLAIN_WHY6"))
                .isEqualTo("beetle/VOLTAGE_GAP_EXPLAIN_WHY");
        assertThat(CrossValidation.family("beetle", "BURNED_BULB_PARALLEL_EXPLAIN_Q2"))
                .isEqualTo(CrossValidation.family("beetle", "BURNED_BULB_PARALLEL_EXPLAIN_Q"));
        assertThat(CrossValidation.family("beetle", "DAMAGED_BULB_EXPLAIN_2_Q")).isEqualTo("beetle/DAMAGED_BULB_EXPLAIN_2");
    }

    @Test
    void sciEntsBankQuestionsOfOneModuleAreOneFamily() {
        assertThat(CrossValidation.family("sciEntsBank", "FN_17a"))
                .isEqualTo(CrossValidation.family("sciEntsBank", "FN_27b"))
                .isEqualTo("sciEntsBank/FN");
        assertThat(CrossValidation.family("sciEntsBank", "VB-post-29")).isEqualTo("sciEntsBank/VB");
        assertThat(CrossValidation.family("sciEntsBank", "FN_17a")).isNotEqualTo(CrossValidation.family("beetle", "FN_17a"));
    }

    @Test
    void aFamilyStaysInOneFoldAndTheFoldsAreBalanced() {
        var questions = List.of(question("sciEntsBank", "FN_1a", 40), question("sciEntsBank", "FN_2b", 40),
                question("sciEntsBank", "VB_1", 50), question("sciEntsBank", "SE_3", 30),
                question("beetle", "WHY1", 20), question("beetle", "WHY2", 20), question("beetle", "OTHER_Q", 25),
                question("sciEntsBank", "EM_9", 10));

        var folds = CrossValidation.folds(questions);

        assertThat(folds).containsOnlyKeys("sciEntsBank/FN", "sciEntsBank/VB", "sciEntsBank/SE", "beetle/WHY",
                "beetle/OTHER", "sciEntsBank/EM");
        // largest first into the emptiest fold: FN 80, VB 50, WHY 40, SE 30, OTHER 25, then EM 10 joins OTHER
        assertThat(folds.values()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 4);
        assertThat(folds.get("sciEntsBank/EM")).isEqualTo(folds.get("beetle/OTHER"));
    }

    private static QuestionRows question(String corpus, String id, int answers) {
        var rows = new ArrayList<GraderCalibration.Row>();
        for (int i = 0; i < answers; i++) {
            rows.add(new GraderCalibration.Row(new StudentAnswer("a" + i, "an answer", "correct"), new double[0], null,
                    new double[0]));
        }
        return new QuestionRows(new SemEvalQuestion("3way", corpus, SemEvalCorpus.TRAINING, id, "?", List.of("ref"),
                List.of()), rows);
    }
}
