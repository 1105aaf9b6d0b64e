package dev.socratic.tutor;

import java.util.List;

/**
 * Runs one learner turn: load, decide, commit. Turns of one learner are expected in order (the
 * adapters serialise them); a concurrent change is still caught by the version and retried.
 */
public final class TurnProcessor {

    private static final int MAX_ATTEMPTS = 5;

    private final Decider decider;
    private final LearnerStore store;

    /** The whole tutor: lessons, quizzes, summaries and settings. */
    public TurnProcessor(Conversation conversation, LearnerStore store) {
        this(conversation::handle, store);
    }

    /** The lesson flow alone, without the review side (which it leaves as stored). */
    public TurnProcessor(Tutor tutor, LearnerStore store) {
        this((inbound, stored) -> tutor.handle(stored.state(), inbound.input()), store);
    }

    private TurnProcessor(Decider decider, LearnerStore store) {
        this.decider = decider;
        this.store = store;
    }

    /** Keeps a batch of updates durably before their turns run (see {@link LearnerStore#receive}). */
    public void receive(List<Inbound> inbound) {
        store.receive(inbound);
    }

    /** Updates a crash left unhandled, to run again at start-up. */
    public List<Inbound> unprocessed() {
        return store.unprocessed();
    }

    /** @return the messages this turn committed to the outbox; empty for a redelivered update */
    public List<Outbound> process(Inbound inbound) {
        if (inbound.updateId() != null && store.isProcessed(inbound.updateId())) {
            return List.of();
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            var stored = store.load(inbound.learnerId());
            var turn = decider.decide(inbound, stored);
            switch (store.commit(inbound, stored.version(), turn)) {
                case COMMITTED -> {
                    return turn.messages();
                }
                case DUPLICATE -> {
                    return List.of();
                }
                case CONFLICT -> {
                    // another turn of this learner won the race: decide again on the state it left
                }
            }
        }
        throw new IllegalStateException("learner " + inbound.learnerId() + " kept changing during a turn");
    }

    @FunctionalInterface
    private interface Decider {
        Turn decide(Inbound inbound, LearnerStore.Versioned stored);
    }
}
