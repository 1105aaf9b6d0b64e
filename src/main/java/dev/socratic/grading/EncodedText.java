package dev.socratic.grading;

import java.util.List;
import java.util.Set;

/**
 * A text with everything the features need: its content words, its negations and its encoding.
 *
 * @param words stemmed content words ({@link AnswerText#contentWords})
 */
record EncodedText(String text, Set<String> words, int negations, SentenceEncoder.Encoding encoding) {

    static EncodedText of(String text, SentenceEncoder encoder) {
        return of(text, encoder.encode(text));
    }

    static EncodedText of(String text, SentenceEncoder.Encoding encoding) {
        return new EncodedText(text, Set.copyOf(AnswerText.contentWords(text)), ContradictionCues.negations(text), encoding);
    }

    static List<EncodedText> all(List<String> texts, SentenceEncoder encoder) {
        return texts.stream().map(text -> of(text, encoder)).toList();
    }

    boolean negated() {
        return negations > 0;
    }
}
