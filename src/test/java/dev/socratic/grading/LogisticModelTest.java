package dev.socratic.grading;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogisticModelTest {

    private static final List<String> FEATURES = List.of("similarity", "noise");

    private static LogisticModel fitted() {
        var rows = new ArrayList<double[]>();
        var labels = new ArrayList<Boolean>();
        for (int i = 0; i < 200; i++) {
            double similarity = i / 200.0;
            rows.add(new double[] {similarity, (i * 37 % 11) / 11.0});
            // mostly separable at 0.5, with some overlap
            labels.add(similarity + ((i * 13 % 7) - 3) * 0.05 > 0.5);
        }
        return LogisticModel.fit(FEATURES, rows, labels);
    }

    @Test
    void learnsThatTheInformativeFeatureRaisesTheProbability() {
        var model = fitted();

        assertThat(model.probability(new double[] {0.9, 0.5})).isGreaterThan(0.9);
        assertThat(model.probability(new double[] {0.1, 0.5})).isLessThan(0.1);
        assertThat(Math.abs(model.weights()[0])).isGreaterThan(5 * Math.abs(model.weights()[1]));
    }

    @Test
    void survivesStoringAndLoading() {
        var model = fitted();
        var properties = new Properties();
        model.store("m", properties);

        var loaded = LogisticModel.load("m", properties, FEATURES);

        assertThat(loaded.probability(new double[] {0.6, 0.2})).isCloseTo(model.probability(new double[] {0.6, 0.2}),
                org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void refusesACalibrationFittedOnOtherFeatures() {
        var properties = new Properties();
        fitted().store("m", properties);

        assertThatThrownBy(() -> LogisticModel.load("m", properties, List.of("similarity", "length")))
                .hasMessageContaining("calibrate-grader");
    }

    @Test
    void fallsBackToTheBaseRateWhenOnlyOneClassIsSeen() {
        var model = LogisticModel.fit(FEATURES, List.of(new double[] {0.1, 0.2}, new double[] {0.3, 0.4}), List.of(false, false));

        assertThat(model.probability(new double[] {0.9, 0.9})).isLessThan(0.5);
    }

    @Test
    void theShippedCalibrationLoadsForTheCurrentFeatures() {
        var calibration = Calibration.bundled();

        assertThat(calibration.correct().features()).isEqualTo(AnswerFeatures.PLAIN);
        assertThat(calibration.withExamples().features()).isEqualTo(AnswerFeatures.EXAMPLES);
        assertThat(calibration.contradiction().features()).isEqualTo(AnswerFeatures.CONTRADICTION);
    }
}
