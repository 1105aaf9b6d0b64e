package dev.socratic.tutor;

import java.util.Arrays;
import java.util.Objects;

/**
 * Draws a Mermaid diagram that was written at run time (by the voice) as a PNG. Real Mermaid is
 * the only real validator of Mermaid, so rendering is also how a diagram is validated.
 */
public interface DiagramRenderer {

    /** For hosts without a renderer: every diagram is {@link Unavailable}. */
    DiagramRenderer NONE = source -> new Unavailable("no diagram renderer on this host");

    /** Draws {@code source}; never throws. */
    Result render(String source);

    sealed interface Result {
    }

    /** The picture. */
    record Drawn(byte[] png) implements Result {
        public Drawn {
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Drawn that && Arrays.equals(png, that.png);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(png);
        }

        @Override
        public String toString() {
            return "Drawn[" + png.length + " bytes]";
        }
    }

    /** Mermaid could not parse the source (or it drew something Telegram cannot show); {@code reason} says why, in one line. */
    record Invalid(String reason) implements Result {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** No verdict on the source: there is no renderer, or it failed, timed out or is busy. */
    record Unavailable(String reason) implements Result {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
