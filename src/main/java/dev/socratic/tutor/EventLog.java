package dev.socratic.tutor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Read access to a learner's history of events, for the weekly summary. */
public interface EventLog {

    /** The learner's events at or after {@code from}, oldest first. */
    List<Logged> since(long learnerId, Instant from);

    record Logged(Instant at, Event event) {
        public Logged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(event, "event");
        }
    }
}
