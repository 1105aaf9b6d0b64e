package dev.socratic.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a tiny zip laid out like SemEval-2013 Task 7's semeval-3way.zip. */
final class SemEvalZip {

    private SemEvalZip() {
    }

    record Answer(String id, String label, String text) {
    }

    static Path write(Path folder) throws IOException {
        var zip = folder.resolve("tiny-semeval.zip");
        try (OutputStream file = Files.newOutputStream(zip); var out = new ZipOutputStream(file)) {
            for (var scheme : List.of("2way", "3way")) {
                for (var corpus : List.of("sciEntsBank", "beetle")) {
                    put(out, "training/" + scheme + "/" + corpus + "/salt.xml", salt(corpus, scheme, 0));
                    put(out, "training/" + scheme + "/" + corpus + "/bulb.xml", bulb(corpus, scheme, 0));
                    put(out, "test/" + scheme + "/" + corpus + "/test-unseen-answers/salt.xml", salt(corpus, scheme, 1));
                    put(out, "test/" + scheme + "/" + corpus + "/test-unseen-questions/bulb2.xml", bulb(corpus, scheme, 1));
                    if (corpus.equals("sciEntsBank")) {
                        put(out, "test/" + scheme + "/" + corpus + "/test-unseen-domains/bulb3.xml", bulb(corpus, scheme, 2));
                    }
                }
            }
        }
        return zip;
    }

    private static String salt(String corpus, String scheme, int variant) {
        var answers = variant == 0
                ? List.of(new Answer("s1", "correct", "The water evaporated and left the salt behind."),
                        new Answer("s2", "correct", "We let the water evaporate."),
                        new Answer("s3", "incorrect", "By pouring it slowly into a tray."),
                        new Answer("s4", "contradictory", "The salt evaporated and the water was left."),
                        new Answer("s5", "incorrect", "I saw a pinkish color in the water."),
                        new Answer("s6", "correct", "Evaporation of the water left salt crystals."))
                : List.of(new Answer("t1", "correct", "The water dried up and the salt stayed."),
                        new Answer("t2", "contradictory", "The water stayed and the salt evaporated away."),
                        new Answer("t3", "incorrect", "You shake the vial until it mixes."));
        return question(variant == 0 ? "EM_45b" : "EM_45b", "How did you separate the salt from the water?",
                "The water was evaporated, leaving the salt.", answers, scheme);
    }

    private static String bulb(String corpus, String scheme, int variant) {
        var answers = List.of(
                new Answer("b" + variant + "1", "correct", "The bulb is in a closed path with the battery."),
                new Answer("b" + variant + "2", "contradictory", "The bulb is not in a closed path."),
                new Answer("b" + variant + "3", "incorrect", "Because the battery is new."),
                new Answer("b" + variant + "4", "correct", "It is on a closed circuit with the battery."));
        return question("BULB_" + variant, "Why does bulb A light up?",
                "Bulb A is in a closed path with the battery.", answers, scheme);
    }

    private static String question(String id, String text, String reference, List<Answer> answers, String scheme) {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<question id=\"" + id + "\">\n")
                .append("  <questionText>").append(text).append("</questionText>\n")
                .append("  <referenceAnswers>\n    <referenceAnswer id=\"r1\" category=\"BEST\">")
                .append(reference).append("</referenceAnswer>\n  </referenceAnswers>\n  <studentAnswers>\n");
        for (var answer : answers) {
            var label = scheme.equals("2way") && !answer.label().equals("correct") ? "incorrect" : answer.label();
            xml.append("    <studentAnswer id=\"").append(answer.id()).append("\" accuracy=\"").append(label)
                    .append("\">").append(answer.text()).append("</studentAnswer>\n");
        }
        return xml.append("  </studentAnswers>\n</question>\n").toString();
    }

    private static void put(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
