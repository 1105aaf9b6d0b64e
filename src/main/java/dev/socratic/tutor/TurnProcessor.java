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
    private final Transcript transcript;
    private final int recentLinesWanted;

    /** The whole tutor: lessons, quizzes, summaries and settings. */
    public TurnProcessor(Conversation conversation, LearnerStore store) {
        this(conversation, store, Transcript.NONE);
    }

    /** The whole tutor, its voice given the learner's recent lines from {@code transcript}. */
    public TurnProcessor(Conversation conversation, LearnerStore store, Transcript transcript) {
        this(conversation::handle, store, transcript, conversation.recentLinesWanted());
    }

    /** The lesson flow alone, without the review side (which it leaves as stored). */
    public TurnProcessor(Tutor tutor, LearnerStore store) {
        this(tutor, store, Transcript.NONE);
    }

    /** The lesson flow alone, its voice given the learner's recent lines from {@code transcript}. */
    public TurnProcessor(Tutor tutor, LearnerStore store, Transcript transcript) {
        this((inbound, stored, recent) -> tutor.handle(stored.state(), inbound.input(), recent), store, transcript,
                tutor.recentLinesWanted());
    }

    private TurnProcessor(Decider decider, LearnerStore store, Transcript transcript, int recentLinesWanted) {
        this.decider = decider;
        this.store = store;
        this.transcript = transcript;
        this.recentLinesWanted = recentLinesWanted;
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
        var recent = recentLinesWanted == 0 ? List.<Transcript.Line>of()
                : transcript.recent(inbound.learnerId(), recentLinesWanted);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            var stored = store.load(inbound.learnerId());
            var turn = decider.decide(inbound, stored, recent);
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
        Turn decide(Inbound inbound, LearnerStore.Versioned stored, List<Transcript.Line> recent);
    }
}
