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
        CURRICULUM_FINISHED,
        QUIZ_ASKED,
        QUIZ_ANSWERED,
        QUIZ_HINT_GIVEN,
        QUIZ_FINISHED,
        QUIZ_SET_ASIDE,
        /** An explicit FSRS review: detail is the rating. Kept as a review log, e.g. to fit FSRS parameters later. */
        CARD_RATED,
        /** Implicit review credit from a correct answer on a concept that builds on this one. */
        CARD_CREDITED,
        SETTINGS_CHANGED,
        /** A weekly summary went into the outbox; detail is the Monday of its week. */
        SUMMARY_SENT,
        /** The LLM voice gave a draft; detail: purpose and prompt tokens. */
        VOICE_DRAFTED,
        /** A draft broke a teaching rule; detail: the rule, purpose, draft or revision, where. */
        GUARD_VIOLATION,
        /** The authored text went out instead of the voice; detail: purpose and why. */
        VOICE_FALLBACK,
        /** The learner asked something instead of answering; detail: how it was handled. */
        LEARNER_QUESTION
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
