package dev.socratic.tutor;

import java.util.Objects;

/** A fact about a turn, appended to the learner's history. {@code conceptId} and {@code detail} may be empty. */
public record Event(Type type, String conceptId, String detail) {

    public enum Type {
        LEARNER_STARTED,
        CONCEPT_INTRODUCED,
        ANSWER_GRADED,
        HINT_GIVEN,
        ANSWER_REVEALED,
        ADVANCE_REFUSED,
        ADVANCED,
        CURRICULUM_FINISHED
    }

    public Event {
        Objects.requireNonNull(type, "type");
        conceptId = Objects.requireNonNullElse(conceptId, "");
        detail = Objects.requireNonNullElse(detail, "");
    }

    static Event of(Type type, String conceptId) {
        return new Event(type, conceptId, "");
    }
}
