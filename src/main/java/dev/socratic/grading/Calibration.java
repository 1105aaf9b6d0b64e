package dev.socratic.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The fitted models the grader decides with (see {@link GraderCalibration}).
 *
 * @param correct       P(answer correct) from its closeness to the references
 * @param withExamples  the same, for questions that also have earlier graded answers (SemEval's unseen answers)
 * @param contradiction P(contradicts the reference), asked only of answers judged not correct
 */
record Calibration(LogisticModel correct, LogisticModel withExamples, LogisticModel contradiction) {

    static final String RESOURCE = "grading/calibration.properties";

    /** The calibration shipped in the jar. */
    static Calibration bundled() {
        try (InputStream in = Calibration.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path; run calibrate-grader");
            }
            var properties = new Properties();
            properties.load(in);
            return from(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Calibration from(Properties properties) {
        var model = properties.getProperty("model", "");
        if (!model.equals(SentenceEncoder.MODEL_NAME)) {
            throw new IllegalStateException("calibration was fitted for model '" + model + "', the grader runs "
                    + SentenceEncoder.MODEL_NAME + "; run calibrate-grader again");
        }
        return new Calibration(
                LogisticModel.load("correct", properties, AnswerFeatures.PLAIN),
                LogisticModel.load("with_examples", properties, AnswerFeatures.EXAMPLES),
                LogisticModel.load("contradiction", properties, AnswerFeatures.CONTRADICTION));
    }

    void write(Writer out, String provenance) throws IOException {
        var properties = new Properties();
        properties.setProperty("model", SentenceEncoder.MODEL_NAME);
        correct.store("correct", properties);
        withExamples.store("with_examples", properties);
        contradiction.store("contradiction", properties);
        out.write("# Offline grader calibration: logistic models over AnswerFeatures.\n");
        for (var line : provenance.split("\n")) {
            out.write("# " + line + "\n");
        }
        // sorted keys, no timestamp: the same data gives the same file
        for (var entry : new TreeMap<>(properties).entrySet()) {
            out.write(entry.getKey() + "=" + entry.getValue() + "\n");
        }
    }
}
