package dev.socratic.grading;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.curriculum.Question;
import dev.socratic.tutor.Grader;
import dev.socratic.tutor.Verdict.Grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How often a grader agrees with hand-labelled learner answers to the curriculum's questions
 * ({@code src/test/resources/grading/domain-answers.yaml}).
 */
final class DomainAgreement {

    private DomainAgreement() {
    }

    /**
     * One labelled answer.
     *
     * @param item     which question of the concept: {@code check} (default) or {@code quiz-N} (0-based)
     * @param category what sort of answer it is (paraphrase, partial, wrong, off-topic, no-idea, steering…)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LabelledAnswer(String concept, String item, String answer, String expected, String category) {
        Grade expectedGrade() {
            return Grade.valueOf(expected.strip().toUpperCase(Locale.ROOT));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LabelledAnswers(List<LabelledAnswer> answers) {
    }

    record Result(int agreed, int graded, int unknown, Map<Grade, Map<Grade, Integer>> confusion,
                  Map<String, int[]> byCategory, List<Long> timesNs) {

        double agreement() {
            return graded == 0 ? 0 : agreed / (double) graded;
        }

        List<String> lines() {
            var lines = new ArrayList<String>();
            lines.add(String.format(Locale.ROOT, "grader domain agreement=%.3f n=%d", agreement(), graded));
            for (var expected : Grade.values()) {
                var row = confusion.getOrDefault(expected, Map.of());
                lines.add(String.format(Locale.ROOT, "grader-note domain expected=%s graded CORRECT=%d PARTIAL=%d INCORRECT=%d",
                        expected, row.getOrDefault(Grade.CORRECT, 0), row.getOrDefault(Grade.PARTIAL, 0),
                        row.getOrDefault(Grade.INCORRECT, 0)));
            }
            byCategory.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> lines.add(String.format(
                    Locale.ROOT, "grader-note domain category=%s agreement=%.3f n=%d", entry.getKey(),
                    entry.getValue()[0] / (double) entry.getValue()[1], entry.getValue()[1])));
            lines.add(String.format(Locale.ROOT, "grader-note domain timing median_ms=%.2f p99_ms=%.2f "
                    + "(per answer, the question's references already encoded)",
                    GraderBenchmark.percentileMs(timesNs, 0.5), GraderBenchmark.percentileMs(timesNs, 0.99)));
            if (unknown > 0) {
                lines.add("grader-note domain skipped=" + unknown + " (concept or item not in the curriculum)");
            }
            return lines;
        }
    }

    static Result measure(Grader grader, Path curriculumDir, Path labelledAnswers) {
        var curriculum = new CurriculumLoader().load(curriculumDir);
        int agreed = 0;
        int graded = 0;
        int unknown = 0;
        var confusion = new EnumMap<Grade, Map<Grade, Integer>>(Grade.class);
        var byCategory = new HashMap<String, int[]>();
        var timed = new ArrayList<Runnable>();
        for (var row : read(labelledAnswers)) {
            var question = question(curriculum.concept(row.concept()).orElse(null), row.item());
            if (question == null) {
                unknown++;
                continue;
            }
            var answer = Objects.requireNonNullElse(row.answer(), "");
            var got = grader.grade(question, answer).grade();
            timed.add(() -> grader.grade(question, answer));
            var expected = row.expectedGrade();
            graded++;
            var category = byCategory.computeIfAbsent(Objects.requireNonNullElse(row.category(), "other"), c -> new int[2]);
            category[1]++;
            if (got == expected) {
                agreed++;
                category[0]++;
            }
            confusion.computeIfAbsent(expected, e -> new EnumMap<>(Grade.class)).merge(got, 1, Integer::sum);
        }
        // timed on a second pass: the first one encoded the questions' references and warmed the JIT up
        var timesNs = new ArrayList<Long>();
        for (var grading : timed) {
            long start = System.nanoTime();
            grading.run();
            timesNs.add(System.nanoTime() - start);
        }
        return new Result(agreed, graded, unknown, confusion, byCategory, timesNs);
    }

    static List<LabelledAnswer> read(Path file) {
        var mapper = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try {
            var parsed = mapper.readValue(file.toFile(), LabelledAnswers.class);
            return parsed == null || parsed.answers() == null ? List.of() : parsed.answers();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the labelled answers " + file, e);
        }
    }

    private static Question question(Concept concept, String item) {
        if (concept == null) {
            return null;
        }
        if (item == null || item.isBlank() || item.equals("check")) {
            return concept.check();
        }
        if (item.startsWith("quiz-")) {
            int index = Integer.parseInt(item.substring("quiz-".length()));
            return index < concept.quiz().size() ? concept.quiz().get(index) : null;
        }
        return null;
    }
}
