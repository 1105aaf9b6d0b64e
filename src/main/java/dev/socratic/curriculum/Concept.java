package dev.socratic.curriculum;

import java.util.List;
import java.util.Objects;

/**
 * One idea the tutor teaches, with the check that must be passed before moving on.
 *
 * @param go     the Go comparison, "" when Go does not differ in an interesting way
 * @param links  ids of related concepts in the other track (the system design a Python idea serves, and back)
 */
public record Concept(
        String id,
        String title,
        List<String> requires,
        String explain,
        String go,
        String diagram,
        List<String> links,
        Question check,
        List<Question> quiz) {

    public Concept {
        Objects.requireNonNull(id, "id");
        title = Objects.requireNonNullElse(title, id).strip();
        requires = List.copyOf(Objects.requireNonNullElse(requires, List.of()));
        explain = Objects.requireNonNullElse(explain, "").strip();
        go = Objects.requireNonNullElse(go, "").strip();
        diagram = Objects.requireNonNullElse(diagram, "").strip();
        links = List.copyOf(Objects.requireNonNullElse(links, List.of()));
        quiz = List.copyOf(Objects.requireNonNullElse(quiz, List.of()));
    }
}
