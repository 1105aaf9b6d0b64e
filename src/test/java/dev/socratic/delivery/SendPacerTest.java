package dev.socratic.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SendPacerTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void oneChatGetsAShortBurstThenAboutOneMessageASecond() {
        var pacer = SendPacer.telegram();

        assertThat(pacer.tryAcquire(1, T0)).isZero();
        assertThat(pacer.tryAcquire(1, T0)).isZero();
        assertThat(pacer.tryAcquire(1, T0)).isZero();
        var wait = pacer.tryAcquire(1, T0);

        assertThat(wait).isEqualTo(Duration.ofSeconds(1));
        assertThat(pacer.tryAcquire(1, T0.plus(wait))).isZero();
    }

    @Test
    void allChatsTogetherGetAboutThirtyASecondWithASmallBurst() {
        var pacer = SendPacer.telegram();
        int firstSecond = 0;
        long chat = 0;
        for (int millis = 0; millis < 1000; millis++) {
            while (pacer.tryAcquire(chat, T0.plusMillis(millis)).isZero()) {
                firstSecond++;
                chat++;
            }
        }
        int secondSecond = 0;
        for (int millis = 1000; millis < 2000; millis++) {
            while (pacer.tryAcquire(chat, T0.plusMillis(millis)).isZero()) {
                secondSecond++;
                chat++;
            }
        }

        assertThat(firstSecond).isBetween(30, 35);
        assertThat(secondSecond).isBetween(29, 31);
    }

    @Test
    void aTenThousandMessageBurstDrainsInAboutFiveAndAHalfMinutes() {
        var pacer = SendPacer.telegram();
        var now = T0;
        for (long chat = 0; chat < 10_000; chat++) {
            var wait = pacer.tryAcquire(chat, now);
            if (!wait.isZero()) {
                now = now.plus(wait);
                assertThat(pacer.tryAcquire(chat, now)).isZero();
            }
        }

        assertThat(Duration.between(T0, now).toSeconds()).isBetween(330L, 335L);
    }

    @Test
    void unlimitedNeverWaits() {
        var pacer = SendPacer.unlimited();
        for (int i = 0; i < 1000; i++) {
            assertThat(pacer.tryAcquire(1, T0)).isZero();
        }
    }
}
