package dev.socratic.tutor;

import java.util.Optional;

/** Draws a learner's knowledge map as a PNG, in-process. */
@FunctionalInterface
public interface MapRenderer {

    /** No drawing: /map answers in words. */
    MapRenderer NONE = map -> Optional.empty();

    /** The PNG, or empty when it cannot be drawn (the tutor then sends the map as text). Never throws. */
    Optional<byte[]> render(KnowledgeMap map);
}
