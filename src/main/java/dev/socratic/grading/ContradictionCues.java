package dev.socratic.grading;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Surface signs that an answer says the opposite of a reference: negation and antonyms. */
final class ContradictionCues {

    /** Negation words; a bare "no" that answers a question ("Processes: no.") does not count. */
    private static final Pattern NEGATION = Pattern.compile(
            "\\bno\\b(?!\\s*[,.:;!?)\\-]|\\s*$)|\\b(not|never|none|nothing|nobody|cannot|without|neither|nor|dont|doesnt|isnt|arent|wont|cant"
                    + "|didnt|wasnt|werent|shouldnt|wouldnt|couldnt|hasnt|havent)\\b|n[’']t\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE_END = Pattern.compile("[.,;:!?()\\n]|\\b(but|because|so|and|while|whereas)\\b");
    /** Content words after a cue that the negation is taken to cover. */
    private static final int NEGATION_SCOPE = 3;
    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}_']+");

    /** Pairs whose members, one in the answer and the other in the reference, suggest a contradiction. */
    private static final String[][] ANTONYMS = {
            {"open", "closed"}, {"open", "close"}, {"connected", "disconnected"}, {"connected", "separated"},
            {"same", "different"}, {"more", "less"}, {"increase", "decrease"}, {"increases", "decreases"},
            {"higher", "lower"}, {"positive", "negative"}, {"series", "parallel"}, {"on", "off"},
            {"short", "open"}, {"complete", "incomplete"}, {"larger", "smaller"}, {"bigger", "smaller"},
            {"faster", "slower"}, {"true", "false"}, {"always", "never"}, {"conductor", "insulator"},
            {"attract", "repel"}, {"gain", "lose"}, {"heavier", "lighter"}, {"hot", "cold"},
            {"before", "after"}, {"mutable", "immutable"}, {"synchronous", "asynchronous"},
            {"sequential", "concurrent"}, {"strong", "weak"},
            {"consistent", "inconsistent"}, {"available", "unavailable"}, {"stateless", "stateful"},
            {"shared", "separate"}, {"read", "write"}, {"first", "last"}, {"many", "one"},
    };

    private ContradictionCues() {
    }

    static int negations(String text) {
        int count = 0;
        var matcher = NEGATION.matcher(text);
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /**
     * The stemmed content words a negation applies to: those in the few words after each negation
     * cue, up to the end of its clause ("threads don't share memory" → share, memory).
     */
    static Set<String> negatedWords(String text) {
        var words = new HashSet<String>();
        var cue = NEGATION.matcher(text);
        while (cue.find()) {
            var rest = text.substring(cue.end());
            var clauseEnd = CLAUSE_END.matcher(rest);
            var scope = clauseEnd.find() ? rest.substring(0, clauseEnd.start()) : rest;
            AnswerText.contentWords(scope).stream().limit(NEGATION_SCOPE).forEach(words::add);
        }
        return words;
    }

    /** Whether the answer uses one side of an antonym pair where the reference uses the other. */
    static boolean antonymClash(String answer, String reference) {
        var answerWords = words(answer);
        var referenceWords = words(reference);
        for (var pair : ANTONYMS) {
            if (clash(answerWords, referenceWords, pair[0], pair[1]) || clash(answerWords, referenceWords, pair[1], pair[0])) {
                return true;
            }
        }
        return false;
    }

    private static boolean clash(Set<String> answer, Set<String> reference, String said, String opposite) {
        return answer.contains(said) && reference.contains(opposite) && !answer.contains(opposite);
    }

    private static Set<String> words(String text) {
        return Set.of(WORD_SPLIT.splitAsStream(text.toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).distinct()
                .toArray(String[]::new));
    }
}
