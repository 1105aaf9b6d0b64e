package dev.socratic.tutor;

import java.util.List;
import java.util.Objects;

/** The learner's recent lines and the tutor's, kept by the store so the voice remembers across restarts. */
public interface Transcript {

    Transcript NONE = (learnerId, max) -> List.of();

    /** At most {@code max} of the learner's latest lines, oldest first. */
    List<Line> recent(long learnerId, int max);

    enum Role { LEARNER, TUTOR }

    record Line(Role role, String text) {
        public Line {
            Objects.requireNonNull(role, "role");
            text = Objects.requireNonNullElse(text, "");
        }
    }
}
