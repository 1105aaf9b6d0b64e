package dev.socratic.tutor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one learner input: the new state, what to send, and what happened.
 *
 * @param recall the learner's review side after the turn, or empty when the turn left it as it was
 */
public record Turn(LearnerState state, List<Outbound> messages, List<Event> events, Optional<Recall> recall) {

    public Turn {
        Objects.requireNonNull(state, "state");
        messages = List.copyOf(messages);
        events = List.copyOf(events);
        Objects.requireNonNull(recall, "recall");
    }

    /** A turn of the lesson flow alone, which does not touch the review side. */
    public Turn(LearnerState state, List<Outbound> messages, List<Event> events) {
        this(state, messages, events, Optional.empty());
    }
}
