package dev.socratic.tutor;

import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.Topic;
import dev.socratic.tutor.KnowledgeMap.Edge;
import dev.socratic.tutor.KnowledgeMap.Node;
import dev.socratic.tutor.KnowledgeMap.State;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.Finished;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a learner's map from the curriculum and their state: the topics by default (a whole
 * curriculum of concepts is unreadable on a phone), or one topic's concepts with the prerequisites
 * they borrow from other topics.
 */
final class KnowledgeMaps {

    private final Curriculum curriculum;
    private final Messages messages;

    KnowledgeMaps(Curriculum curriculum, Messages messages) {
        this.curriculum = curriculum;
        this.messages = messages;
    }

    /** A topic by its id or title, ignoring case, as a learner may type it after /map. */
    Optional<Topic> findTopic(String name) {
        var wanted = name.strip();
        return curriculum.topics().stream()
                .filter(t -> t.id().equalsIgnoreCase(wanted) || t.title().equalsIgnoreCase(wanted))
                .findFirst();
    }

    KnowledgeMap overview(LearnerState state) {
        return overview(state, Set.of());
    }

    /** The topics; {@code due}: concepts whose review card is due, drawn as due for review. */
    KnowledgeMap overview(LearnerState state, Set<String> due) {
        var progress = state.progress();
        var nodes = new ArrayList<Node>();
        for (var topic : curriculum.topics()) {
            long done = topic.concepts().stream().filter(c -> progress.isDone(c.id())).count();
            nodes.add(new Node(topic.id(), topic.title(), done + "/" + topic.concepts().size(),
                    topicState(topic, state, due), false));
        }
        var edges = new LinkedHashSet<Edge>();
        for (var topic : curriculum.topics()) {
            for (var concept : topic.concepts()) {
                for (var required : concept.requires()) {
                    var from = curriculum.topicOf(required).id();
                    if (!from.equals(topic.id())) {
                        edges.add(new Edge(from, topic.id()));
                    }
                }
            }
        }
        var title = messages.get("map.title", progress.done().size(), curriculum.size());
        return new KnowledgeMap(title, nodes, withoutShortcuts(edges), legend());
    }

    KnowledgeMap topic(LearnerState state, Topic topic) {
        return topic(state, topic, Set.of());
    }

    KnowledgeMap topic(LearnerState state, Topic topic, Set<String> due) {
        var nodes = new LinkedHashMap<String, Node>();
        var edges = new LinkedHashSet<Edge>();
        for (var concept : topic.concepts()) {
            nodes.put(concept.id(), new Node(concept.id(), concept.title(), "", conceptState(concept, state, due), false));
        }
        for (var concept : topic.concepts()) {
            for (var required : concept.requires()) {
                if (!nodes.containsKey(required)) {
                    var borrowed = curriculum.require(required);
                    nodes.put(required, new Node(required, borrowed.title(), curriculum.topicOf(required).title(),
                            conceptState(borrowed, state, due), true));
                }
                edges.add(new Edge(required, concept.id()));
            }
        }
        return new KnowledgeMap(topic.title(), List.copyOf(nodes.values()), withoutShortcuts(edges), legend());
    }

    State conceptState(Concept concept, LearnerState state, Set<String> due) {
        var progress = state.progress();
        if (concept.id().equals(currentConcept(state))) {
            return State.CURRENT;
        }
        // its review card is due, or its answer had to be revealed and it has not been reviewed since
        if (progress.isDone(concept.id()) && (due.contains(concept.id()) || progress.revealed().contains(concept.id()))) {
            return State.REVIEW;
        }
        if (progress.isDone(concept.id())) {
            return State.DONE;
        }
        return progress.done().containsAll(concept.requires()) ? State.AVAILABLE : State.LOCKED;
    }

    private State topicState(Topic topic, LearnerState state, Set<String> due) {
        var states = topic.concepts().stream().map(c -> conceptState(c, state, due)).toList();
        if (states.contains(State.CURRENT)) {
            return State.CURRENT;
        }
        if (states.contains(State.REVIEW)) {
            return State.REVIEW;
        }
        if (states.stream().allMatch(s -> s == State.DONE)) {
            return State.DONE;
        }
        return states.contains(State.AVAILABLE) ? State.AVAILABLE : State.LOCKED;
    }

    private static String currentConcept(LearnerState state) {
        return switch (state) {
            case AwaitingAnswer awaiting -> awaiting.conceptId();
            case ReadyToAdvance ready -> ready.conceptId();
            case NotStarted notStarted -> "";
            case Finished finished -> "";
        };
    }

    private Map<State, String> legend() {
        var legend = new EnumMap<State, String>(State.class);
        for (var state : State.values()) {
            legend.put(state, messages.get("map.state." + state.name().toLowerCase()));
        }
        return legend;
    }

    /**
     * Drops an arrow a→c when a path a→…→c exists anyway: fewer crossing lines on a small screen.
     * Arrows are dropped one at a time, so reachability survives even where topics depend on each other in a circle.
     */
    static List<Edge> withoutShortcuts(Set<Edge> edges) {
        var kept = new LinkedHashSet<>(edges);
        for (var edge : edges) {
            if (reachableWithout(kept, edge)) {
                kept.remove(edge);
            }
        }
        return List.copyOf(kept);
    }

    private static boolean reachableWithout(Set<Edge> edges, Edge skipped) {
        var seen = new HashSet<String>();
        var frontier = new ArrayList<String>(List.of(skipped.from()));
        while (!frontier.isEmpty()) {
            var node = frontier.removeLast();
            for (var edge : edges) {
                if (edge.from().equals(node) && !edge.equals(skipped) && seen.add(edge.to())) {
                    if (edge.to().equals(skipped.to())) {
                        return true;
                    }
                    frontier.add(edge.to());
                }
            }
        }
        return false;
    }
}
