package dev.socratic.grading;

import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Question;
import dev.socratic.tutor.Grader;
import dev.socratic.tutor.Verdict;
import dev.socratic.tutor.Verdict.Grade;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The offline grader: an in-process sentence model (all-MiniLM-L6-v2) and lexical signals, combined
 * by logistic models calibrated on SemEval-2013's training answers ({@link GraderCalibration}).
 *
 * <p>Output-like questions (predict-output, multiple choice, write-code) are graded by exact match
 * after normalising whitespace and quotes, never by similarity. Free-text answers are graded on their
 * content only: instructions to the grader are removed first, and the question's own words earn nothing.
 * The model answer always passes. Thread-safe; the model is loaded once per process and shared.
 */
public final class EmbeddingGrader implements Grader {

    /** Longer answers are cut before anything else: no one types more, and the model reads 256 pieces. */
    static final int MAX_ANSWER_CHARS = 2_000;
    /** P(correct) at which an answer counts as correct. */
    static final double CORRECT = 0.5;
    /** Below this an answer that covers no key point is wrong rather than partly right. */
    static final double PARTIAL = 0.25;

    private static final int CACHED_RUBRICS = 4_096;
    private static final Pattern NO_IDEA = Pattern.compile(
            "\\b(i|we)?\\s*(really\\s+|honestly\\s+|just\\s+)?(do\\s+not|don'?t|dont|dunno|didn'?t)\\s+(really\\s+)?"
                    + "(know|remember|understand|get it)\\b|\\bno (idea|clue)\\b|\\bnot sure\\b|\\bidk\\b|\\bi forgot\\b"
                    + "|\\bno se\\b|\\bkeine ahnung\\b|\\bje ne sais pas\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHOICE_LABEL = Pattern.compile("^\\(?([a-z]|[1-9])[).:]?$", Pattern.CASE_INSENSITIVE);

    private final SentenceEncoder encoder;
    private final Calibration calibration;
    private final KeyPointCoverage keyPoints;
    private final Map<Question, Rubric> rubrics = new ConcurrentHashMap<>();

    EmbeddingGrader(SentenceEncoder encoder, Calibration calibration) {
        this.encoder = encoder;
        this.calibration = calibration;
        this.keyPoints = new KeyPointCoverage(calibration.correct());
    }

    /** A grader on the model and calibration shipped in the jar; the model is shared by all such graders. */
    public static EmbeddingGrader withBundledModel() {
        return new EmbeddingGrader(SentenceEncoder.shared(), Calibration.bundled());
    }

    @Override
    public Verdict grade(Question question, String answer) {
        var given = answer == null ? "" : answer;
        if (matchesExactly(question, given)) {
            return Verdict.correct();
        }
        return switch (question.kind()) {
            case PREDICT_OUTPUT, MULTIPLE_CHOICE, WRITE_CODE -> new Verdict(Grade.INCORRECT, question.keyPoints());
            case EXPLAIN_BACK, SPOT_THE_BUG, TRADEOFF -> verdict(question.keyPoints(), assess(rubricFor(question), given));
        };
    }

    /** Reads an answer against a rubric; also what the benchmark measures. */
    Assessment assess(Rubric rubric, String answer) {
        var content = contentOf(answer);
        var nothing = new ArrayList<Boolean>();
        rubric.keyPoints().forEach(point -> nothing.add(false));
        if (content.isEmpty()) {
            return new Assessment(0, 0, nothing);
        }
        // the clauses come from the same model run as the whole answer
        var clauses = rubric.keyPoints().isEmpty() ? List.<SentenceEncoder.Span>of() : KeyPointCoverage.clauses(content);
        var reading = encoder.read(content, clauses);
        var text = EncodedText.of(content, reading.whole());
        var plain = AnswerFeatures.plain(text, rubric.references(), rubric.question());
        double correct = rubric.examples().isEmpty()
                ? calibration.correct().probability(plain)
                : calibration.withExamples().probability(AnswerFeatures.examples(plain, text, rubric.examples()));
        double contradiction = calibration.contradiction()
                .probability(AnswerFeatures.contradiction(plain, text, rubric.references()));
        var clauseTexts = new ArrayList<EncodedText>();
        for (int i = 0; i < clauses.size(); i++) {
            clauseTexts.add(EncodedText.of(content.substring(clauses.get(i).start(), clauses.get(i).end()),
                    reading.parts().get(i)));
        }
        return new Assessment(correct, contradiction, keyPoints.covered(text, clauseTexts, rubric));
    }

    Rubric rubric(String question, List<String> references, List<String> keyPoints, List<GradedExample> examples) {
        return new Rubric(encodeQuestion(question, ""), encodeAll(references), encodeAll(keyPoints), examples);
    }

    EncodedText encode(String text) {
        return EncodedText.of(truncate(text), encoder);
    }

    /**
     * The answer as graded: cut to size, without instructions to the grader; "" when nothing is left
     * that could be an answer (blank, punctuation, "I don't know").
     */
    static String contentOf(String answer) {
        var content = SteeringFilter.strip(truncate(answer)).strip();
        var withoutHedges = NO_IDEA.matcher(content).replaceAll(" ");
        return AnswerText.contentWords(withoutHedges).isEmpty() ? "" : content;
    }

    private static Verdict verdict(List<String> keyPoints, Assessment assessment) {
        var missing = new ArrayList<String>();
        for (int i = 0; i < keyPoints.size(); i++) {
            if (!assessment.covered().get(i)) {
                missing.add(keyPoints.get(i));
            }
        }
        double p = assessment.correct();
        long covered = assessment.coveredCount();
        int points = keyPoints.size();
        Grade grade;
        if (points == 0) {
            grade = p >= CORRECT ? Grade.CORRECT : p >= PARTIAL ? Grade.PARTIAL : Grade.INCORRECT;
        } else if ((covered == points && p >= PARTIAL) || (p >= CORRECT && covered >= points - 1 && points >= 3)) {
            grade = Grade.CORRECT;
        } else if (covered > 0 || p >= CORRECT) {
            grade = Grade.PARTIAL;
        } else {
            grade = Grade.INCORRECT;
        }
        return new Verdict(grade, missing);
    }

    /** The question's rubric, encoded on first use and cached. */
    Rubric rubricFor(Question question) {
        if (rubrics.size() >= CACHED_RUBRICS) {
            rubrics.clear();
        }
        return rubrics.computeIfAbsent(question, this::newRubric);
    }

    private Rubric newRubric(Question question) {
        var references = new ArrayList<String>();
        references.add(question.answer().isBlank() ? question.prompt() : question.answer());
        if (question.keyPoints().size() > 1) {
            // the key points together read like a terse model answer
            references.add(String.join(". ", question.keyPoints()));
        }
        return new Rubric(encodeQuestion(question.prompt(), question.code()), encodeAll(references),
                encodeAll(question.keyPoints()), List.of());
    }

    private EncodedText encodeQuestion(String prompt, String code) {
        var encoded = encode(prompt);
        if (code.isBlank()) {
            return encoded;
        }
        // restating the code shown with the question earns nothing either
        var words = new HashSet<>(encoded.words());
        words.addAll(AnswerText.contentWords(truncate(code)));
        return new EncodedText(encoded.text(), words, encoded.negations(), encoded.encoding());
    }

    private List<EncodedText> encodeAll(List<String> texts) {
        return texts.isEmpty() ? List.of() : EncodedText.all(texts.stream().map(EmbeddingGrader::truncate).toList(), encoder);
    }

    private static boolean matchesExactly(Question question, String answer) {
        if (AnswerText.sameOutput(answer, question.answer())) {
            return true;
        }
        var given = AnswerText.normaliseOutput(answer);
        if (question.kind() == CheckKind.MULTIPLE_CHOICE) {
            var label = CHOICE_LABEL.matcher(given.strip());
            if (label.matches()) {
                var index = choiceIndex(label.group(1));
                var choices = question.choices();
                return index < choices.size()
                        && AnswerText.normaliseOutput(choices.get(index))
                                .equalsIgnoreCase(AnswerText.normaliseOutput(question.answer()));
            }
        }
        return false;
    }

    private static int choiceIndex(String label) {
        char c = label.toLowerCase(Locale.ROOT).charAt(0);
        return Character.isDigit(c) ? c - '1' : c - 'a';
    }

    private static String truncate(String text) {
        if (text.length() <= MAX_ANSWER_CHARS) {
            return text;
        }
        int end = MAX_ANSWER_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
