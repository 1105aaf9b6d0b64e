package dev.socratic.curriculum;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rejects a curriculum the tutor could not teach from, at the first problem, naming file and concept. */
final class CurriculumValidator {

    static final int MAX_EXPLAIN_WORDS = 150;

    private CurriculumValidator() {
    }

    static void validate(List<Topic> topics) {
        var sourceOf = new HashMap<String, String>();
        var concepts = new HashMap<String, Concept>();
        var topicIds = new HashMap<String, String>();
        for (var topic : topics) {
            var earlier = topicIds.putIfAbsent(topic.id(), topic.source());
            if (earlier != null) {
                throw new CurriculumException(topic.source() + ": topic id '" + topic.id() + "' is also used in " + earlier);
            }
            for (var concept : topic.concepts()) {
                var first = sourceOf.putIfAbsent(concept.id(), topic.source());
                if (first != null) {
                    throw CurriculumException.at(topic.source(), concept.id(), "the id is also used in " + first);
                }
                concepts.put(concept.id(), concept);
                validateConcept(topic.source(), concept);
            }
            if (topic.diagram().isEmpty() && topic.concepts().stream().allMatch(c -> c.diagram().isEmpty())) {
                throw new CurriculumException(topic.source() + ": the topic has no diagram (topic or concept level)");
            }
        }
        for (var concept : concepts.values()) {
            var source = sourceOf.get(concept.id());
            for (var required : concept.requires()) {
                if (!concepts.containsKey(required)) {
                    throw CurriculumException.at(source, concept.id(), "requires unknown concept '" + required + "'");
                }
            }
            for (var link : concept.links()) {
                if (!concepts.containsKey(link)) {
                    throw CurriculumException.at(source, concept.id(), "links to unknown concept '" + link + "'");
                }
            }
        }
        rejectCycles(concepts, sourceOf);
        rejectUnreachable(topics, sourceOf);
    }

    private static void validateConcept(String source, Concept concept) {
        if (concept.explain().isEmpty()) {
            throw CurriculumException.at(source, concept.id(), "no explain text");
        }
        int words = concept.explain().split("\\s+").length;
        if (words > MAX_EXPLAIN_WORDS) {
            throw CurriculumException.at(source, concept.id(),
                    "explain has " + words + " words; at most " + MAX_EXPLAIN_WORDS + " keep it to one small idea");
        }
        validateQuestion(source, concept.id(), "check", concept.check());
        for (int i = 0; i < concept.quiz().size(); i++) {
            validateQuestion(source, concept.id(), "quiz item " + (i + 1), concept.quiz().get(i));
        }
    }

    private static void validateQuestion(String source, String conceptId, String which, Question question) {
        if (question.prompt().isEmpty()) {
            throw CurriculumException.at(source, conceptId, which + " has no prompt");
        }
        if (question.answer().isBlank()) {
            throw CurriculumException.at(source, conceptId, which + " has no answer");
        }
        switch (question.kind()) {
            case MULTIPLE_CHOICE -> {
                if (!question.choices().contains(question.answer())) {
                    throw CurriculumException.at(source, conceptId, which + ": the answer is not one of the choices");
                }
            }
            case WRITE_CODE -> {
                if (question.tests().isBlank()) {
                    throw CurriculumException.at(source, conceptId, which + ": a write-code item needs tests");
                }
            }
            case EXPLAIN_BACK, PREDICT_OUTPUT, SPOT_THE_BUG, TRADEOFF -> {
            }
        }
    }

    private static void rejectCycles(Map<String, Concept> concepts, Map<String, String> sourceOf) {
        var finished = new HashSet<String>();
        var onPath = new HashSet<String>();
        for (var id : concepts.keySet()) {
            visit(id, concepts, sourceOf, finished, onPath);
        }
    }

    private static void visit(String id, Map<String, Concept> concepts, Map<String, String> sourceOf,
                              Set<String> finished, Set<String> onPath) {
        if (finished.contains(id)) {
            return;
        }
        if (!onPath.add(id)) {
            throw CurriculumException.at(sourceOf.get(id), id, "its prerequisites form a cycle back to it");
        }
        for (var required : concepts.get(id).requires()) {
            visit(required, concepts, sourceOf, finished, onPath);
        }
        onPath.remove(id);
        finished.add(id);
    }

    /** Every concept must become available to a learner who keeps passing checks from the start. */
    private static void rejectUnreachable(List<Topic> topics, Map<String, String> sourceOf) {
        var curriculum = new Curriculum(topics);
        var done = new HashSet<String>();
        List<Concept> available;
        while (!(available = curriculum.available(done)).isEmpty()) {
            available.forEach(concept -> done.add(concept.id()));
        }
        for (var concept : curriculum.concepts()) {
            if (!done.contains(concept.id())) {
                throw CurriculumException.at(sourceOf.get(concept.id()), concept.id(), "cannot be reached from a start concept");
            }
        }
    }
}
