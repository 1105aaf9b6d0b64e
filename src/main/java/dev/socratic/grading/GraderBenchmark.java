package dev.socratic.grading;

import dev.socratic.grading.SemEvalCorpus.SemEvalQuestion;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench-grader ZIP}: grades every test answer of a SemEval-2013 Task 7 zip with the embedding
 * grader, calibrated in the same run on the zip's {@code training/} part only, next to a lexical-overlap
 * baseline fitted on the same training answers. Output lines (DESIGN.md contract):
 * <pre>
 * grader CORPUS SPLIT 2way|3way accuracy=0.xxx macro_f1=0.xxx baseline_accuracy=0.xxx n=N
 * grader timing load_ms=N median_ms=X p99_ms=X
 * </pre>
 * then notes: the unseen-answers splits graded without the earlier answers to the same question, and
 * how far the in-run calibration is from the one shipped in the jar.
 */
public final class GraderBenchmark {

    /** Where the hand-labelled learner answers live in the source tree. */
    public static final Path DOMAIN_ANSWERS = Path.of("src/test/resources/grading/domain-answers.yaml");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> CORPORA = List.of("sciEntsBank", "beetle");
    private static final List<String> SPLITS = List.of("unseen-answers", "unseen-questions", "unseen-domains");
    private static final List<String> SCHEMES = List.of("2way", "3way");
    private static final List<String> TWO_WAY = List.of("correct", "incorrect");
    private static final List<String> THREE_WAY = List.of("correct", "contradictory", "incorrect");

    private GraderBenchmark() {
    }

    /** Runs the benchmark; returns the process exit status (0). */
    public static int run(Path zip, PrintStream out) {
        long loadStart = System.nanoTime();
        try (var encoder = SentenceEncoder.load()) {
            encoder.encode("warm up");
            long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
            var questions = SemEvalCorpus.read(zip);
            var training = GraderCalibration.training(questions);
            var calibration = GraderCalibration.fit(training, encoder);
            var grader = new EmbeddingGrader(encoder, calibration);
            var measurement = new Measurement(grader, LexicalBaseline.fit(training), examplesByQuestion(training, grader));
            var lines = new ArrayList<String>();
            var notes = new ArrayList<String>();
            for (var corpus : CORPORA) {
                for (var split : SPLITS) {
                    for (var scheme : SCHEMES) {
                        var files = questions.stream()
                                .filter(q -> q.corpus().equals(corpus) && q.split().equals(split) && q.scheme().equals(scheme))
                                .toList();
                        if (!files.isEmpty()) {
                            measurement.score(corpus, split, scheme, files, lines, notes);
                        }
                    }
                }
            }
            lines.forEach(out::println);
            out.println(String.format(Locale.ROOT, "grader timing load_ms=%d median_ms=%.2f p99_ms=%.2f",
                    loadMs, percentileMs(measurement.timesNs, 0.5), percentileMs(measurement.timesNs, 0.99)));
            // on a busy machine wall-clock time includes waiting for a core; CPU time does not
            out.println(String.format(Locale.ROOT, "grader-note timing cpu_median_ms=%.2f cpu_p99_ms=%.2f answers=%d "
                            + "(per answer, the question's references already encoded)",
                    percentileMs(measurement.cpuNs, 0.5), percentileMs(measurement.cpuNs, 0.99), measurement.cpuNs.size()));
            notes.forEach(out::println);
            out.println(String.format(Locale.ROOT, "grader-note calibration training_answers=%d largest_weight_change_vs_shipped=%s",
                    training.stream().mapToInt(q -> q.answers().size()).sum(), driftFromShipped(calibration)));
            out.flush();
            return 0;
        }
    }

    /** Grades the test answers (each once, though the 2-way and 3-way files repeat them) and scores splits. */
    private static final class Measurement {
        private final EmbeddingGrader grader;
        private final LexicalBaseline baseline;
        private final Map<String, List<GradedExample>> examples;
        private final Map<String, Assessment> graded = new HashMap<>();
        private final Map<String, Assessment> referencesOnly = new HashMap<>();
        private final List<Long> timesNs = new ArrayList<>();
        private final List<Long> cpuNs = new ArrayList<>();

        Measurement(EmbeddingGrader grader, LexicalBaseline baseline, Map<String, List<GradedExample>> examples) {
            this.grader = grader;
            this.baseline = baseline;
            this.examples = examples;
        }

        void score(String corpus, String split, String scheme, List<SemEvalQuestion> files,
                   List<String> lines, List<String> notes) {
            var gold = new ArrayList<String>();
            var predicted = new ArrayList<String>();
            var withoutExamples = new ArrayList<String>();
            var lexical = new ArrayList<String>();
            for (var question : files) {
                var known = examples.getOrDefault(key(corpus, question.id()), List.of());
                var rubric = grader.rubric(question.text(), references(question), List.of(), known);
                var plainRubric = new Rubric(rubric.question(), rubric.references(), List.of(), List.of());
                for (var answer : question.answers()) {
                    var id = String.join("/", corpus, split, question.id(), answer.id());
                    gold.add(scheme.equals("2way") ? twoWay(answer.label()) : answer.label());
                    predicted.add(label(graded.computeIfAbsent(id, k -> timed(rubric, answer.text())), scheme));
                    if (!known.isEmpty()) {
                        withoutExamples.add(label(referencesOnly.computeIfAbsent(id,
                                k -> grader.assess(plainRubric, answer.text())), scheme));
                    }
                    lexical.add(baseline.correct(corpus, references(question), answer.text()) ? "correct" : "incorrect");
                }
            }
            var classes = scheme.equals("2way") ? TWO_WAY : THREE_WAY;
            var score = ClassificationScore.of(gold, predicted, classes);
            lines.add(String.format(Locale.ROOT, "grader %s %s %s accuracy=%.3f macro_f1=%.3f baseline_accuracy=%.3f n=%d",
                    corpus, split, scheme, score.accuracy(), score.macroF1(),
                    ClassificationScore.of(gold, lexical, classes).accuracy(), score.n()));
            if (withoutExamples.size() == gold.size()) {
                var without = ClassificationScore.of(gold, withoutExamples, classes);
                notes.add(String.format(Locale.ROOT, "grader-note references-only %s %s %s accuracy=%.3f macro_f1=%.3f n=%d",
                        corpus, split, scheme, without.accuracy(), without.macroF1(), without.n()));
            }
        }

        private Assessment timed(Rubric rubric, String answer) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            var assessment = grader.assess(rubric, answer);
            timesNs.add(System.nanoTime() - start);
            cpuNs.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
            return assessment;
        }
    }

    /** {@link #runDomain(Path, Path, PrintStream)} with the labelled answers of the source tree. */
    public static int runDomain(Path curriculumDir, PrintStream out) {
        if (!Files.isRegularFile(DOMAIN_ANSWERS)) {
            out.println("grader-note domain skipped: " + DOMAIN_ANSWERS + " not found (run from the project folder)");
            return 0;
        }
        return runDomain(curriculumDir, DOMAIN_ANSWERS, out);
    }

    /** Prints the agreement of the grader with the hand-labelled learner answers of the curriculum. */
    public static int runDomain(Path curriculumDir, Path labelledAnswers, PrintStream out) {
        var grader = EmbeddingGrader.withBundledModel();
        var result = DomainAgreement.measure(grader, curriculumDir, labelledAnswers);
        result.lines().forEach(out::println);
        out.flush();
        return 0;
    }

    static double percentileMs(List<Long> nanos, double share) {
        var sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int index = share == 0.5 ? sorted.length / 2 : (int) Math.ceil(sorted.length * share) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)] / 1e6;
    }

    private static Map<String, List<GradedExample>> examplesByQuestion(List<SemEvalQuestion> training, EmbeddingGrader grader) {
        var examples = new HashMap<String, List<GradedExample>>();
        training.parallelStream()
                .map(q -> Map.entry(key(q.corpus(), q.id()), q.answers().stream()
                        .map(a -> new GradedExample(grader.encode(EmbeddingGrader.contentOf(a.text())), a.correct()))
                        .toList()))
                .toList()
                .forEach(entry -> examples.put(entry.getKey(), entry.getValue()));
        return examples;
    }

    private static List<String> references(SemEvalQuestion question) {
        return question.references().isEmpty() ? List.of(question.text()) : question.references();
    }

    private static String key(String corpus, String questionId) {
        return corpus + "/" + questionId;
    }

    private static String twoWay(String label) {
        return label.equals("correct") ? "correct" : "incorrect";
    }

    private static String label(Assessment assessment, String scheme) {
        if (assessment.correct() >= EmbeddingGrader.CORRECT) {
            return "correct";
        }
        return scheme.equals("3way") && assessment.contradiction() >= 0.5 ? "contradictory" : "incorrect";
    }

    private static String driftFromShipped(Calibration fitted) {
        try {
            var shipped = Calibration.bundled();
            double largest = 0;
            for (var pair : List.of(List.of(fitted.correct(), shipped.correct()),
                    List.of(fitted.withExamples(), shipped.withExamples()),
                    List.of(fitted.contradiction(), shipped.contradiction()))) {
                var a = pair.get(0);
                var b = pair.get(1);
                largest = Math.max(largest, Math.abs(a.bias() - b.bias()));
                for (int i = 0; i < a.weights().length; i++) {
                    largest = Math.max(largest, Math.abs(a.weights()[i] - b.weights()[i]));
                }
            }
            return String.format(Locale.ROOT, "%.4f", largest);
        } catch (RuntimeException e) {
            return "unknown(" + String.valueOf(e.getMessage()).replace(' ', '_') + ")";
        }
    }
}
