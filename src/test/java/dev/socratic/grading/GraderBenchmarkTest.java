package dev.socratic.grading;

import dev.socratic.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GraderBenchmarkTest {

    private static final String SCORE_LINE =
            "grader (sciEntsBank|beetle) unseen-(answers|questions|domains) (2way|3way) "
                    + "accuracy=[01]\\.\\d{3} macro_f1=[01]\\.\\d{3} baseline_accuracy=[01]\\.\\d{3} n=\\d+";
    private static final String TIMING_LINE = "grader timing load_ms=\\d+ median_ms=\\d+\\.\\d+ p99_ms=\\d+\\.\\d+";

    @TempDir
    Path folder;

    private static List<String> run(java.util.function.Function<PrintStream, Integer> benchmark) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertThat(benchmark.apply(out)).isZero();
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsOneScoreLinePerCorpusSplitAndSchemeThenTheTiming() throws IOException {
        var zip = SemEvalZip.write(folder);

        var lines = run(out -> GraderBenchmark.run(zip, out));

        var scores = lines.stream().filter(line -> line.matches(SCORE_LINE)).toList();
        assertThat(scores).hasSize(10);
        assertThat(scores.getFirst()).startsWith("grader sciEntsBank unseen-answers 2way ");
        assertThat(scores).anyMatch(line -> line.startsWith("grader beetle unseen-questions 3way ") && line.endsWith(" n=4"));
        assertThat(scores).noneMatch(line -> line.startsWith("grader beetle unseen-domains"));
        assertThat(lines.get(scores.size())).matches(TIMING_LINE);
        assertThat(lines.subList(scores.size() + 1, lines.size())).allMatch(line -> line.startsWith("grader-note "));
    }

    @Test
    void calibratesOnTheTrainingPartIntoAFileTheGraderCanLoad() throws IOException {
        var zip = SemEvalZip.write(folder);
        var first = folder.resolve("first.properties");
        var second = folder.resolve("second.properties");

        assertThat(GraderCalibration.fit(zip, first)).isEqualTo(20);
        GraderCalibration.fit(zip, second);

        var properties = new java.util.Properties();
        try (var in = Files.newBufferedReader(first)) {
            properties.load(in);
        }
        assertThat(Calibration.from(properties).correct().features()).isEqualTo(AnswerFeatures.PLAIN);
        assertThat(Files.readString(first)).isEqualTo(Files.readString(second)).contains("calibrate-grader");
    }

    @Test
    void calibrationReportsHowTheModelsDoOnHeldOutQuestionFamilies() throws IOException {
        var zip = SemEvalZip.write(folder);
        var out = folder.resolve("calibration.properties");

        var lines = run(report -> {
            GraderCalibration.fit(zip, out, report);
            return 0;
        });

        assertThat(lines.getFirst()).isEqualTo("grader-note calibration training_answers=20 written=" + out);
        var cv = lines.subList(1, lines.size());
        assertThat(cv).isNotEmpty().allMatch(line -> line.matches("grader-note cv (references-only|with-examples) "
                + "(sciEntsBank|beetle) 2way accuracy=[01]\\.\\d{3} n=\\d+ \\(5 folds by question family\\)"));
        // every training answer is held out once
        assertThat(cv).anyMatch(line -> line.startsWith("grader-note cv references-only sciEntsBank ") && line.contains(" n=10 "));
    }

    @Test
    void reportsAgreementWithHandLabelledAnswers() throws IOException {
        var labelled = folder.resolve("labelled.yaml");
        Files.writeString(labelled, """
                answers:
                  - concept: threads
                    answer: Threads share the memory of their process, so they see the same list.
                    expected: correct
                    category: model-answer
                  - concept: threads
                    answer: I don't know
                    expected: incorrect
                    category: no-idea
                  - concept: threads
                    item: quiz-0
                    answer: "yes"
                    expected: correct
                    category: choice-exact
                  - concept: no-such-concept
                    answer: whatever
                    expected: incorrect
                """);

        var lines = run(out -> GraderBenchmark.runDomain(Fixtures.CURRICULUM_DIR, labelled, out));

        assertThat(lines.getFirst()).isEqualTo("grader domain agreement=1.000 n=3");
        assertThat(lines).contains("grader-note domain skipped=1 (concept or item not in the curriculum)");
    }
}
