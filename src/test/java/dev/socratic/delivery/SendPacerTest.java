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
    void allChatsTogetherGetAboutThirtyASecond() {
        var pacer = SendPacer.telegram();
        int sent = 0;
        for (long chat = 0; chat < 100; chat++) {
            if (pacer.tryAcquire(chat, T0).isZero()) {
                sent++;
            }
        }

        assertThat(sent).isEqualTo(30);
        assertThat(pacer.tryAcquire(500, T0.plusMillis(34))).isZero();
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
