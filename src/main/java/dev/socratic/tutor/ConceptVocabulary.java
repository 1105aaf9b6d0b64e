package dev.socratic.tutor;

import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each concept is about, as content words of its substance (explanation, Go comparison, model
 * answer, key points, title), with a weight per word that is high when few concepts use it. Lets the
 * guard tell "mentions a later idea in passing" from "teaches a later idea".
 */
final class ConceptVocabulary {

    private final Map<String, Set<String>> wordsByConcept = new HashMap<>();
    private final Map<String, Set<String>> shinglesByConcept = new HashMap<>();
    private final Map<String, Integer> conceptsUsing = new HashMap<>();

    ConceptVocabulary(Curriculum curriculum) {
        for (var concept : curriculum.concepts()) {
            wordsByConcept.put(concept.id(), ContentWords.setOf(substance(concept) + "\n" + concept.title()));
            shinglesByConcept.put(concept.id(), ContentWords.shingles(substance(concept), PHRASE));
            // how rare a word is, judged on everything a concept says: its questions too, so that plain
            // English ("never", "together") is seen to be common even in a small curriculum
            ContentWords.setOf(everything(concept)).forEach(word -> conceptsUsing.merge(word, 1, Integer::sum));
        }
    }

    private static String everything(Concept concept) {
        var text = new StringBuilder(substance(concept)).append('\n').append(concept.title());
        for (var question : concept.quiz()) {
            text.append('\n').append(question.prompt()).append('\n').append(question.answer());
        }
        var check = concept.check();
        text.append('\n').append(check.prompt()).append('\n').append(String.join("\n", check.hints()));
        return text.toString();
    }

    /** Consecutive content words that, shared with a concept's text, mean its text was pasted. */
    static final int PHRASE = 4;

    static String substance(Concept concept) {
        var check = concept.check();
        return String.join("\n", concept.explain(), concept.go(), check.answer(), String.join("\n", check.keyPoints()));
    }

    Set<String> words(String conceptId) {
        return wordsByConcept.getOrDefault(conceptId, Set.of());
    }

    /** The words of every concept in {@code ids}. */
    Set<String> wordsOf(Set<String> ids) {
        var all = new HashSet<String>();
        ids.forEach(id -> all.addAll(words(id)));
        return all;
    }

    /** 1 for a word only one concept uses, less for words many concepts share. */
    double weight(String word) {
        return 1.0 / conceptsUsing.getOrDefault(word, 1);
    }

    /**
     * How much of {@code conceptId}'s own substance the words carry, leaving out words that are
     * {@code known} (the current concept's, earlier concepts', or the authored text's).
     */
    Overlap overlap(Set<String> words, String conceptId, Set<String> known) {
        var hits = new TreeSet<String>();
        double score = 0;
        for (var word : words) {
            if (!known.contains(word) && words(conceptId).contains(word)) {
                hits.add(word);
                score += weight(word);
            }
        }
        return new Overlap(conceptId, hits, score);
    }

    /** Phrases of {@code conceptId}'s text found among {@code phrases}, leaving out {@code known} ones. */
    Set<String> sharedPhrases(Set<String> phrases, String conceptId, Set<String> known) {
        var shared = new TreeSet<String>();
        for (var phrase : shinglesByConcept.getOrDefault(conceptId, Set.of())) {
            if (phrases.contains(phrase) && !known.contains(phrase)) {
                shared.add(phrase);
            }
        }
        return shared;
    }

    record Overlap(String conceptId, Set<String> words, double score) {
    }
}
