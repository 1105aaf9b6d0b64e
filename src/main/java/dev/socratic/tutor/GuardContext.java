package dev.socratic.tutor;

import dev.socratic.curriculum.Question;
import dev.socratic.tutor.VoiceRequest.Purpose;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the guard must know to judge one draft.
 *
 * @param conceptId the concept the learner is on
 * @param done      concepts covered before it
 * @param pending   the question the learner still owes an answer to, if any
 * @param shown       the tutor's own text the learner sees anyway (the authored reply, the question,
 *                    the hints given): a draft may repeat it without breaking a rule
 * @param learnerText what the learner wrote: a draft may echo it back, but it never makes a later
 *                    concept's material fair game
 */
public record GuardContext(Purpose purpose, String conceptId, Set<String> done, Optional<Question> pending,
                           String shown, String learnerText) {

    public GuardContext {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(conceptId, "conceptId");
        done = Set.copyOf(done);
        Objects.requireNonNull(pending, "pending");
        shown = Objects.requireNonNullElse(shown, "");
        learnerText = Objects.requireNonNullElse(learnerText, "");
    }
}
