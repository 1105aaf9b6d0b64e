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
