package dev.socratic.tutor;

import java.util.List;

/** Where learners' states live. One {@link #commit} is one atomic turn. */
public interface LearnerStore {

    /** The learner's state and its version; a learner never seen is {@code NotStarted} at version 0. */
    Versioned load(long learnerId);

    /** Whether a transport update was already handled (a cheap check before any work). */
    boolean isProcessed(long updateId);

    /**
     * Stores the turn's new state, events and outbound messages and the update id, all or nothing,
     * and takes the update out of the inbox.
     *
     * @return {@code DUPLICATE} when the update id was already processed (nothing written),
     *         {@code CONFLICT} when the state changed since {@code expectedVersion} (nothing written)
     */
    CommitResult commit(Inbound inbound, long expectedVersion, Turn turn);

    /**
     * Keeps updates before their turns run, so a crash between receiving and committing loses none;
     * an update already kept or processed is ignored. Updates without an id are not kept.
     */
    void receive(List<Inbound> inbound);

    /** Updates received but not yet committed, oldest first: what a crash interrupted. */
    List<Inbound> unprocessed();

    /** A stored learner: their state, its version, and their review side (empty for a learner never quizzed). */
    record Versioned(LearnerState state, long version, Recall recall) {

        public Versioned(LearnerState state, long version) {
            this(state, version, Recall.EMPTY);
        }
    }

    enum CommitResult { COMMITTED, DUPLICATE, CONFLICT }
}
