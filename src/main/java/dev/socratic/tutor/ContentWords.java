package dev.socratic.tutor;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a text that carry its meaning: lower case, stop words dropped, lightly stemmed, in
 * order. The guard and the question sorter compare texts by these, so "locks" meets "locking".
 */
final class ContentWords {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_]+");
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "is", "are",
            "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "as", "so",
            "if", "then", "than", "can", "could", "would", "should", "will", "do", "does", "did", "not", "no",
            "but", "from", "into", "only", "just", "you", "your", "i", "we", "they", "them", "their", "there",
            "which", "what", "when", "while", "who", "how", "why", "one", "all", "any", "each", "has", "have",
            "had", "more", "most", "some", "such", "also", "about", "because", "me", "my", "our", "us", "he",
            "she", "him", "her", "his", "let", "lets", "s", "t", "re", "ve", "ll", "d", "m", "don", "doesn",
            "isn", "aren", "won", "here", "where", "think", "now", "yes");

    private ContentWords() {
    }

    static List<String> of(String text) {
        var words = new ArrayList<String>();
        var plain = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        for (var token : NON_WORD.split(plain)) {
            if (token.length() > 1 && !STOP_WORDS.contains(token)) {
                words.add(stem(token));
            }
        }
        return words;
    }

    static Set<String> setOf(String text) {
        return new HashSet<>(of(text));
    }

    /** Runs of {@code size} consecutive content words, joined by spaces: a pasted phrase shares them. */
    static Set<String> shingles(String text, int size) {
        var words = of(text);
        var runs = new HashSet<String>();
        for (int i = 0; i + size <= words.size(); i++) {
            runs.add(String.join(" ", words.subList(i, i + size)));
        }
        return runs;
    }

    /** Share of {@code phrase}'s content words found in {@code words}; 0 for a phrase without any. */
    static double coverage(Set<String> words, String phrase) {
        var wanted = setOf(phrase);
        if (wanted.isEmpty()) {
            return 0;
        }
        return (double) wanted.stream().filter(words::contains).count() / wanted.size();
    }

    static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        for (var suffix : List.of("ing", "ed", "es", "s", "ly")) {
            if (word.length() > suffix.length() + 3 && word.endsWith(suffix)) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }
}
