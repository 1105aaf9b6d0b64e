package dev.socratic.curriculum;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The whole graph: topics in authored order and every concept by id. Built only by the loader. */
public final class Curriculum {

    private final List<Topic> topics;
    private final Map<String, Concept> conceptsById = new LinkedHashMap<>();
    private final Map<String, Topic> topicOfConcept = new LinkedHashMap<>();

    Curriculum(List<Topic> topics) {
        this.topics = List.copyOf(topics);
        for (var topic : this.topics) {
            for (var concept : topic.concepts()) {
                conceptsById.put(concept.id(), concept);
                topicOfConcept.put(concept.id(), topic);
            }
        }
    }

    public List<Topic> topics() {
        return topics;
    }

    public Collection<Concept> concepts() {
        return conceptsById.values();
    }

    public Optional<Concept> concept(String id) {
        return Optional.ofNullable(conceptsById.get(id));
    }

    public Concept require(String id) {
        return concept(id).orElseThrow(() -> new IllegalArgumentException("no concept '" + id + "' in the curriculum"));
    }

    public Topic topicOf(String conceptId) {
        var topic = topicOfConcept.get(conceptId);
        if (topic == null) {
            throw new IllegalArgumentException("no concept '" + conceptId + "' in the curriculum");
        }
        return topic;
    }

    /**
     * The concept to teach after {@code done}: one whose prerequisites are all done, preferring
     * {@code currentTopic}, otherwise the first available in authored order.
     */
    public Optional<Concept> next(Set<String> done, String currentTopic) {
        var available = available(done);
        return available.stream()
                .filter(concept -> topicOf(concept.id()).id().equals(currentTopic))
                .findFirst()
                .or(() -> available.stream().findFirst());
    }

    /** Concepts not done whose prerequisites all are, in authored order. */
    public List<Concept> available(Set<String> done) {
        var result = new ArrayList<Concept>();
        for (var concept : conceptsById.values()) {
            if (!done.contains(concept.id()) && done.containsAll(concept.requires())) {
                result.add(concept);
            }
        }
        return result;
    }

    public int size() {
        return conceptsById.size();
    }
}
