package dev.socratic.tutor;

import java.util.List;
import java.util.Objects;

/** The outcome of one learner input: the new state, what to send, and what happened. */
public record Turn(LearnerState state, List<Outbound> messages, List<Event> events) {

    public Turn {
        Objects.requireNonNull(state, "state");
        messages = List.copyOf(messages);
        events = List.copyOf(events);
    }
}
