package dev.socratic.grading;

import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * Reads a zip laid out like SemEval-2013 Task 7's {@code semeval-3way.zip}:
 * {@code training/{2way,3way}/CORPUS/*.xml} and {@code test/{2way,3way}/CORPUS/test-unseen-SPLIT/*.xml}.
 */
final class SemEvalCorpus {

    static final String TRAINING = "training";

    private SemEvalCorpus() {
    }

    /**
     * One question file.
     *
     * @param split  {@value #TRAINING} or the test split without its prefix, e.g. {@code unseen-answers}
     * @param scheme {@code 2way} or {@code 3way}
     */
    record SemEvalQuestion(String scheme, String corpus, String split, String id, String text,
                           List<String> references, List<StudentAnswer> answers) {
        SemEvalQuestion {
            references = List.copyOf(references);
            answers = List.copyOf(answers);
        }
    }

    /** @param label {@code correct}, {@code incorrect} or (3-way) {@code contradictory} */
    record StudentAnswer(String id, String text, String label) {
        boolean correct() {
            return label.equals("correct");
        }
    }

    static List<SemEvalQuestion> read(Path zip) {
        var questions = new ArrayList<SemEvalQuestion>();
        try (var file = new ZipFile(zip.toFile())) {
            var builder = parser();
            var entries = Collections.list(file.entries());
            entries.sort(Comparator.comparing(java.util.zip.ZipEntry::getName));
            for (var entry : entries) {
                var parts = entry.getName().split("/");
                if (entry.isDirectory() || !entry.getName().endsWith(".xml") || parts.length < 4) {
                    continue;
                }
                boolean training = parts[0].equals(TRAINING);
                if (!training && !(parts[0].equals("test") && parts.length == 5)) {
                    continue;
                }
                var split = training ? TRAINING : parts[3].replaceFirst("^test-", "");
                try (var in = file.getInputStream(entry)) {
                    questions.add(question(builder.parse(in).getDocumentElement(), parts[1], parts[2], split));
                } catch (SAXException e) {
                    throw new IllegalArgumentException("cannot parse " + entry.getName() + " in " + zip + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SemEval zip " + zip, e);
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException(zip + " holds no SemEval question files (training/… or test/…)");
        }
        return questions;
    }

    private static SemEvalQuestion question(Element root, String scheme, String corpus, String split) {
        var references = new ArrayList<String>();
        var referenceNodes = root.getElementsByTagName("referenceAnswer");
        for (int i = 0; i < referenceNodes.getLength(); i++) {
            references.add(referenceNodes.item(i).getTextContent().strip());
        }
        var answers = new ArrayList<StudentAnswer>();
        var answerNodes = root.getElementsByTagName("studentAnswer");
        for (int i = 0; i < answerNodes.getLength(); i++) {
            var answer = (Element) answerNodes.item(i);
            answers.add(new StudentAnswer(answer.getAttribute("id"), answer.getTextContent().strip(),
                    answer.getAttribute("accuracy").strip()));
        }
        var questionText = root.getElementsByTagName("questionText");
        var text = questionText.getLength() == 0 ? "" : questionText.item(0).getTextContent().strip();
        return new SemEvalQuestion(scheme, corpus, split, root.getAttribute("id"), text, references, answers);
    }

    private static DocumentBuilder parser() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not available", e);
        }
    }
}
