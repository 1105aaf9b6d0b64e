package dev.socratic.tutor;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a learner's map shows: topics (or one topic's concepts) coloured by where the learner stands,
 * with arrows from prerequisite to follower.
 *
 * @param legend the words for each state, from messages.properties
 */
public record KnowledgeMap(String title, List<Node> nodes, List<Edge> edges, Map<State, String> legend) {

    public enum State { DONE, CURRENT, AVAILABLE, LOCKED, REVIEW }

    /**
     * @param detail  a second line such as "3/7", or ""
     * @param outside a prerequisite from another topic, drawn apart from the topic's own concepts
     */
    public record Node(String id, String label, String detail, State state, boolean outside) {
        public Node {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(state, "state");
            detail = Objects.requireNonNullElse(detail, "");
        }
    }

    public record Edge(String from, String to) {
        public Edge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    public KnowledgeMap {
        Objects.requireNonNull(title, "title");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        legend = Map.copyOf(legend);
    }

    public Node node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node '" + id + "' on the map"));
    }
}
