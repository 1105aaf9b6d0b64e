package dev.socratic.tutor;

import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Question;
import dev.socratic.review.Card;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which questions review a concept, in which order, and how a typed answer picks a multiple-choice option. */
final class QuizItems {

    private static final Pattern LETTER = Pattern.compile("\\(?([a-z])[).:]?");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");

    private QuizItems() {
    }

    /** The concept's quiz items; a concept authored without any is reviewed with its check question. */
    static List<Question> of(Concept concept) {
        return concept.quiz().isEmpty() ? List.of(concept.check()) : concept.quiz();
    }

    /**
     * The item for the next review: they take turns. The first review was the check, so the first
     * quiz asks item 0, the next item 1, and so on; a quiz set aside is asked again.
     */
    static int next(Concept concept, Optional<Card> card) {
        int reviews = card.map(Card::reviews).orElse(1);
        return Math.floorMod(reviews - 1, of(concept).size());
    }

    static Optional<Question> item(Concept concept, int index) {
        var items = of(concept);
        return index >= 0 && index < items.size() ? Optional.of(items.get(index)) : Optional.empty();
    }

    static boolean isChoice(Question question) {
        return question.kind() == CheckKind.MULTIPLE_CHOICE && !question.choices().isEmpty();
    }

    static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /**
     * The option a typed answer names: the option's own text first (options may be numbers or
     * single letters themselves), then its letter (A, b), c.), then its position (1, 2…); -1 for none.
     */
    static int choiceIndex(Question question, String typed) {
        var choices = question.choices();
        var answer = normalise(typed);
        for (int i = 0; i < choices.size(); i++) {
            if (normalise(choices.get(i)).equals(answer)) {
                return i;
            }
        }
        var letter = LETTER.matcher(answer);
        if (letter.matches()) {
            int index = letter.group(1).charAt(0) - 'a';
            return index < choices.size() ? index : -1;
        }
        if (NUMBER.matcher(answer).matches()) {
            int index = Integer.parseInt(answer) - 1;
            if (index >= 0 && index < choices.size()) {
                return index;
            }
        }
        return onlyOptionStartingWith(choices, answer);
    }

    /** "7" for the option "7 connections": the one option the typed words begin, or -1. */
    private static int onlyOptionStartingWith(List<String> choices, String typed) {
        if (typed.isEmpty()) {
            return -1;
        }
        int found = -1;
        for (int i = 0; i < choices.size(); i++) {
            if (normalise(choices.get(i)).startsWith(typed + " ")) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("^[\"'`]+|[\"'`.!]+$", "");
    }
}
