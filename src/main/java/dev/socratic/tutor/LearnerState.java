package dev.socratic.tutor;

import java.util.Objects;

/** Where a learner stands; the tutor moves between these states and the store keeps them. */
public sealed interface LearnerState {

    Progress progress();

    /** Has never started. */
    record NotStarted() implements LearnerState {
        @Override
        public Progress progress() {
            return Progress.EMPTY;
        }
    }

    /**
     * Was taught {@code conceptId} and owes an answer to its check; {@code hintsUsed} hints were given.
     * {@code sofar} is what the learner has said on this check that was partly right ("" if nothing),
     * so an answer built up over several messages, as the hints invite, is graded as a whole.
     */
    record AwaitingAnswer(Progress progress, String conceptId, int hintsUsed, String sofar) implements LearnerState {

        public AwaitingAnswer(Progress progress, String conceptId, int hintsUsed) {
            this(progress, conceptId, hintsUsed, "");
        }

        public AwaitingAnswer {
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(conceptId, "conceptId");
            if (hintsUsed < 0) {
                throw new IllegalArgumentException("hintsUsed must not be negative");
            }
            sofar = AnswerSoFar.keep(sofar);
        }
    }

    /** Passed (or was shown) the check of {@code conceptId}; waits for the learner to say they are ready. */
    record ReadyToAdvance(Progress progress, String conceptId) implements LearnerState {
        public ReadyToAdvance {
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(conceptId, "conceptId");
        }
    }

    /** Covered every concept of the curriculum. */
    record Finished(Progress progress) implements LearnerState {
        public Finished {
            Objects.requireNonNull(progress, "progress");
        }
    }
}
