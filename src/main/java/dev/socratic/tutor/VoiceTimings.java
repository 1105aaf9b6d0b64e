package dev.socratic.tutor;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the voice may take. A learner never waits more than {@code turn} on it: one call gets at
 * most {@code call}, and a revision is asked for only while at least {@code minCall} is left.
 */
public record VoiceTimings(Duration turn, Duration call, Duration minCall) {

    /** A draft and a revision fit in about 9 s; past that the authored text goes out at once. */
    public static final VoiceTimings DEFAULT = new VoiceTimings(Duration.ofSeconds(9), Duration.ofSeconds(6),
            Duration.ofMillis(1_500));

    public VoiceTimings {
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(minCall, "minCall");
        if (minCall.compareTo(call) > 0 || call.compareTo(turn) > 0) {
            throw new IllegalArgumentException("expected minCall <= call <= turn");
        }
    }
}
