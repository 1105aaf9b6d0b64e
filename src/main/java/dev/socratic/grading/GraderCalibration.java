package dev.socratic.grading;

import dev.socratic.grading.SemEvalCorpus.SemEvalQuestion;
import dev.socratic.grading.SemEvalCorpus.StudentAnswer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fits the grader's {@link Calibration} on the {@code training/} part of a SemEval-2013 Task 7 zip,
 * and only on it: {@code java -jar target/socratic-tutor.jar calibrate-grader ZIP} writes
 * {@code src/main/resources/grading/calibration.properties}. The same data gives the same file.
 */
public final class GraderCalibration {

    public static final Path DEFAULT_OUTPUT = Path.of("src/main/resources/grading/calibration.properties");

    private GraderCalibration() {
    }

    /** Fits on the zip's training answers and writes the calibration to {@code out}; returns the number of answers used. */
    public static int fit(Path zip, Path out) {
        return fit(zip, out, new PrintStream(OutputStream.nullOutputStream()));
    }

    /**
     * {@link #fit(Path, Path)}, and prints to {@code report} where the file went and how the models do
     * on training questions held out of their fitting ({@link CrossValidation}).
     */
    public static int fit(Path zip, Path out, PrintStream report) {
        var training = training(SemEvalCorpus.read(zip));
        var rows = rows(training, SentenceEncoder.shared());
        var fitted = fit(rows);
        int answers = training.stream().mapToInt(q -> q.answers().size()).sum();
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            try (var writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                fitted.write(writer, "Fitted by GraderCalibration on the training/ part of " + zip.getFileName()
                        + " (" + training.size() + " questions, " + answers + " answers, 3-way labels).\n"
                        + "Reproduce: java -jar target/socratic-tutor.jar calibrate-grader " + zip.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the calibration to " + out, e);
        }
        report.println("grader-note calibration training_answers=" + answers + " written=" + out);
        CrossValidation.report(rows).forEach(report::println);
        report.flush();
        return answers;
    }

    /** The 3-way training questions (their "correct" is the 2-way "correct"). */
    static List<SemEvalQuestion> training(List<SemEvalQuestion> questions) {
        var training = questions.stream()
                .filter(q -> q.split().equals(SemEvalCorpus.TRAINING) && q.scheme().equals("3way"))
                .toList();
        if (training.isEmpty()) {
            throw new IllegalArgumentException("the zip has no training/3way/ questions to calibrate on");
        }
        return training;
    }

    static Calibration fit(List<SemEvalQuestion> training, SentenceEncoder encoder) {
        return fit(rows(training, encoder));
    }

    /** Each training question with the feature rows of its answers, in the corpus's order. */
    static List<QuestionRows> rows(List<SemEvalQuestion> training, SentenceEncoder encoder) {
        var texts = new ConcurrentHashMap<String, EncodedText>();
        return training.parallelStream().map(q -> new QuestionRows(q, rows(q, encoder, texts))).toList();
    }

    static Calibration fit(List<QuestionRows> perQuestion) {
        var plain = new ArrayList<double[]>();
        var correct = new ArrayList<Boolean>();
        var withExamples = new ArrayList<double[]>();
        var correctWithExamples = new ArrayList<Boolean>();
        var contradictionRows = new ArrayList<double[]>();
        var contradicts = new ArrayList<Boolean>();
        for (var question : perQuestion) {
            for (var row : question.rows()) {
                plain.add(row.plain());
                correct.add(row.answer().correct());
                if (row.examples() != null) {
                    withExamples.add(row.examples());
                    correctWithExamples.add(row.answer().correct());
                }
                if (!row.answer().correct()) {
                    contradictionRows.add(row.contradiction());
                    contradicts.add(row.answer().label().equals("contradictory"));
                }
            }
        }
        return new Calibration(
                LogisticModel.fit(AnswerFeatures.PLAIN, plain, correct),
                LogisticModel.fit(AnswerFeatures.EXAMPLES, withExamples, correctWithExamples),
                LogisticModel.fit(AnswerFeatures.CONTRADICTION, contradictionRows, contradicts));
    }

    record Row(StudentAnswer answer, double[] plain, double[] examples, double[] contradiction) {
    }

    record QuestionRows(SemEvalQuestion question, List<Row> rows) {
    }

    private static List<Row> rows(SemEvalQuestion question, SentenceEncoder encoder, Map<String, EncodedText> texts) {
        var rubricQuestion = encode(question.text(), encoder, texts);
        var references = question.references().isEmpty()
                ? List.of(rubricQuestion)
                : question.references().stream().map(r -> encode(r, encoder, texts)).toList();
        var answers = question.answers().stream().map(a -> encode(EmbeddingGrader.contentOf(a.text()), encoder, texts)).toList();
        var rows = new ArrayList<Row>();
        for (int i = 0; i < answers.size(); i++) {
            var answer = answers.get(i);
            var plain = AnswerFeatures.plain(answer, references, rubricQuestion);
            // the other answers to this question play the graded examples (never the answer itself or its twins)
            var others = new ArrayList<GradedExample>();
            for (int j = 0; j < answers.size(); j++) {
                if (j != i && !answers.get(j).text().equals(answer.text())) {
                    others.add(new GradedExample(answers.get(j), question.answers().get(j).correct()));
                }
            }
            rows.add(new Row(question.answers().get(i), plain,
                    others.isEmpty() ? null : AnswerFeatures.examples(plain, answer, others),
                    AnswerFeatures.contradiction(plain, answer, references)));
        }
        return rows;
    }

    private static EncodedText encode(String text, SentenceEncoder encoder, Map<String, EncodedText> texts) {
        // not computeIfAbsent: it would hold a lock on the map's bin for the whole model run
        var known = texts.get(text);
        if (known != null) {
            return known;
        }
        var encoded = EncodedText.of(text, encoder);
        var raced = texts.putIfAbsent(text, encoded);
        return raced == null ? encoded : raced;
    }
}
