package dev.socratic.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a provider that keeps failing: after {@code threshold} failures in a row (or one
 * "slow down" from the provider) calls are refused for {@code openFor}; then one trial call is let
 * through, and its outcome closes the circuit or opens it again. Thread-safe.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final Clock clock;
    private final int threshold;
    private final Duration openFor;
    private State state = State.CLOSED;
    private int failures;
    private Instant retryAt = Instant.MIN;
    private boolean trialInFlight;

    CircuitBreaker(Clock clock, int threshold, Duration openFor) {
        this.clock = clock;
        this.threshold = threshold;
        this.openFor = openFor;
    }

    /** Whether a call may go out now; in the half-open state only one may. */
    synchronized boolean allowsCall() {
        if (state == State.OPEN && !clock.instant().isBefore(retryAt)) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    /** @return whether this success closed an open circuit */
    synchronized boolean succeeded() {
        boolean wasOpen = state != State.CLOSED;
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
        return wasOpen;
    }

    /** @return whether this failure opened the circuit */
    synchronized boolean failed() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            return open();
        }
        return false;
    }

    /** The provider asked us to slow down: stop at once. @return whether this opened the circuit */
    synchronized boolean rateLimited() {
        failures++;
        return open();
    }

    synchronized State state() {
        return state;
    }

    private boolean open() {
        boolean opened = state != State.OPEN;
        state = State.OPEN;
        trialInFlight = false;
        retryAt = clock.instant().plus(openFor);
        return opened;
    }
}
