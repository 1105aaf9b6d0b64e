package dev.socratic.grading;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Normalisation and word splitting shared by the graders. */
final class AnswerText {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Commas or semicolons between values written on one line (a comma inside brackets is part of a value). */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,;]\\s*(?![^\\[(]*[\\])])");
    /** A value in single quotes (normaliseOutput has already turned double and curly quotes into these). */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_]+");
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "is", "are",
            "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "as", "so", "if",
            "then", "than", "can", "could", "would", "should", "will", "do", "does", "did", "not", "no",
            "but", "from", "into", "only", "just", "you", "your", "i", "we", "they", "them", "their",
            "there", "which", "what", "when", "while", "who", "how", "why", "one", "all", "any", "each",
            "has", "have", "had", "more", "most", "some", "such", "also", "about", "because");

    private AnswerText() {
    }

    /**
     * Output as a learner would type it: every run of whitespace (line breaks too, since a console
     * line cannot hold one) counts as one space, and curly or double quotes count as single quotes.
     */
    static String normaliseOutput(String text) {
        var unified = Normalizer.normalize(stripCodeFence(text.strip()), Normalizer.Form.NFKC)
                .replace('\u2018', '\'').replace('\u2019', '\'')
                .replace('\u201C', '"').replace('\u201D', '"')
                .replace('"', '\'');
        return WHITESPACE.matcher(unified.strip()).replaceAll(" ");
    }

    /**
     * Whether a learner's answer says the same output as the expected one. Besides
     * {@link #normaliseOutput} equality (case aside), it accepts the ways people write several lines
     * on one line: separated by commas or semicolons ("True, False" for two lines), and with each
     * value quoted ("'main' 'worker'") when the expected output has no quotes of its own.
     */
    static boolean sameOutput(String answer, String expected) {
        var given = normaliseOutput(answer);
        if (given.isEmpty()) {
            return false;
        }
        var wanted = normaliseOutput(expected);
        if (sameLine(given, wanted)) {
            return true;
        }
        var lines = lines(expected);
        if (lines.size() < 2) {
            return false;
        }
        var said = lines(answer);
        var items = said.size() > 1 ? said : List.of(LIST_SEPARATOR.split(given));
        if (items.size() != lines.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!sameLine(normaliseOutput(items.get(i)), normaliseOutput(lines.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Equal, case aside, or equal once the quotes around each value are dropped when none were expected. */
    private static boolean sameLine(String given, String wanted) {
        if (given.equalsIgnoreCase(wanted)) {
            return true;
        }
        return wanted.indexOf('\'') < 0 && QUOTED.matcher(given).replaceAll("$1").equalsIgnoreCase(wanted);
    }

    private static List<String> lines(String text) {
        return stripCodeFence(text.strip()).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Lower-case content words with a light suffix stemming, so "locks" meets "locking". */
    static List<String> contentWords(String text) {
        var words = new ArrayList<String>();
        for (var token : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (token.length() > 1 && !STOP_WORDS.contains(token)) {
                words.add(stem(token));
            }
        }
        return words;
    }

    static String stem(String word) {
        for (var suffix : List.of("ing", "ed", "es", "s", "ly")) {
            if (word.length() > suffix.length() + 3 && word.endsWith(suffix)) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static String stripCodeFence(String text) {
        if (text.startsWith("```") && text.endsWith("```") && text.length() >= 6) {
            var inner = text.substring(3, text.length() - 3);
            var firstNewline = inner.indexOf('\n');
            // a fence may carry a language tag on its first line
            if (firstNewline >= 0 && !inner.substring(0, firstNewline).contains(" ")) {
                inner = inner.substring(firstNewline + 1);
            }
            return inner.strip();
        }
        return text;
    }
}
