package dev.socratic.curriculum;

import java.util.List;
import java.util.Objects;

/** A topic file: a titled group of concepts in one track. {@code source} names the file it came from. */
public record Topic(String id, String title, Track track, String diagram, List<Concept> concepts, String source) {

    public Topic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(track, "track");
        title = Objects.requireNonNullElse(title, id).strip();
        diagram = Objects.requireNonNullElse(diagram, "").strip();
        concepts = List.copyOf(concepts);
    }
}
