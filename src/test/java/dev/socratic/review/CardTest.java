package dev.socratic.review;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CardTest {

    private static final Instant REVIEWED = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant DUE = Instant.parse("2025-03-04T10:00:00Z");

    @Test
    void accepts_a_plausible_card() {
        assertThatCode(() -> new Card(3.2, 5.0, DUE, REVIEWED, 2, 1)).doesNotThrowAnyException();
    }

    @Test
    void rejects_stability_outside_its_range() {
        assertThatThrownBy(() -> new Card(0.0, 5.0, DUE, REVIEWED, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Card(40000, 5.0, DUE, REVIEWED, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Card(Double.NaN, 5.0, DUE, REVIEWED, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_difficulty_outside_one_to_ten() {
        assertThatThrownBy(() -> new Card(3, 0.5, DUE, REVIEWED, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Card(3, 10.5, DUE, REVIEWED, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_a_due_date_before_the_last_review() {
        assertThatThrownBy(() -> new Card(3, 5, REVIEWED, DUE, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_missing_times() {
        assertThatThrownBy(() -> new Card(3, 5, null, REVIEWED, 1, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Card(3, 5, DUE, null, 1, 0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejects_impossible_counts() {
        assertThatThrownBy(() -> new Card(3, 5, DUE, REVIEWED, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Card(3, 5, DUE, REVIEWED, 2, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Card(3, 5, DUE, REVIEWED, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
