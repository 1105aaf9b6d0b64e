package dev.socratic.tutor;

import java.util.List;

/**
 * Runs one learner turn: load, decide, commit. Turns of one learner are expected in order (the
 * adapters serialise them); a concurrent change is still caught by the version and retried.
 */
public final class TurnProcessor {

    private static final int MAX_ATTEMPTS = 5;

    private final Tutor tutor;
    private final LearnerStore store;
    private final Transcript transcript;

    public TurnProcessor(Tutor tutor, LearnerStore store) {
        this(tutor, store, Transcript.NONE);
    }

    /** With the learner's recent lines from {@code transcript}, for a tutor with a voice. */
    public TurnProcessor(Tutor tutor, LearnerStore store, Transcript transcript) {
        this.tutor = tutor;
        this.store = store;
        this.transcript = transcript;
    }

    /** @return the messages this turn committed to the outbox; empty for a redelivered update */
    public List<Outbound> process(Inbound inbound) {
        if (inbound.updateId() != null && store.isProcessed(inbound.updateId())) {
            return List.of();
        }
        int wanted = tutor.recentLinesWanted();
        var recent = wanted == 0 ? List.<Transcript.Line>of() : transcript.recent(inbound.learnerId(), wanted);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            var stored = store.load(inbound.learnerId());
            var turn = tutor.handle(stored.state(), inbound.input(), recent);
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
}
