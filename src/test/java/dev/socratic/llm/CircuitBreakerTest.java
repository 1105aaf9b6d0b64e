package dev.socratic.llm;

import dev.socratic.MutableClock;
import dev.socratic.llm.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private final MutableClock clock = new MutableClock();
    private final CircuitBreaker breaker = new CircuitBreaker(clock, 3, Duration.ofSeconds(60));

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.allowsCall()).isTrue();
            breaker.failed();
        }
    }

    @Test
    void opensAfterThreeFailuresInARowAndRefusesCalls() {
        failTimes(3);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.allowsCall()).isFalse();
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() {
        failTimes(2);
        breaker.succeeded();
        failTimes(2);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void afterTheCoolingTimeOneTrialCallGoesThroughAndItsSuccessCloses() {
        failTimes(3);
        clock.advance(Duration.ofSeconds(61));

        assertThat(breaker.allowsCall()).isTrue();
        assertThat(breaker.allowsCall()).as("a second call while the trial runs").isFalse();
        assertThat(breaker.succeeded()).isTrue();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.allowsCall()).isTrue();
    }

    @Test
    void aFailedTrialOpensTheCircuitForAnotherWhile() {
        failTimes(3);
        clock.advance(Duration.ofSeconds(61));
        breaker.allowsCall();

        assertThat(breaker.failed()).isTrue();
        assertThat(breaker.allowsCall()).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.allowsCall()).isFalse();
    }

    @Test
    void aRateLimitOpensAtOnce() {
        assertThat(breaker.rateLimited()).isTrue();

        assertThat(breaker.allowsCall()).isFalse();
    }
}
