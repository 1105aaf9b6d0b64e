package dev.socratic.digest;

import dev.socratic.tutor.LearnerState;
import dev.socratic.tutor.Outbound;
import dev.socratic.tutor.Recall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where the weekly digest finds learners and records, exactly once, the summaries it sends. */
public interface SummaryLedger {

    /** Learners who may get a summary: active (not blocked), with a stored state. */
    List<Candidate> candidates();

    boolean isSent(long learnerId, LocalDate weekStart);

    /**
     * Puts the summary in the outbox and marks the week sent, in one transaction.
     *
     * @return false, with nothing written, when that learner's week was already sent
     */
    boolean record(Candidate learner, LocalDate weekStart, Instant dueAt, Outbound summary);

    /** @param firstLesson when the learner was first taught a concept, if ever */
    record Candidate(long learnerId, long chatId, LearnerState state, Recall recall, Optional<Instant> firstLesson) {
        public Candidate {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(recall, "recall");
            Objects.requireNonNull(firstLesson, "firstLesson");
        }
    }
}
