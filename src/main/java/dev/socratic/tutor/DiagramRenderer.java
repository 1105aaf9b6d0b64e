package dev.socratic.tutor;

import java.util.Objects;

/**
 * Draws a Mermaid diagram that was written at run time (by the voice) as a PNG. Real Mermaid is
 * the only real validator of Mermaid, so rendering is also how a diagram is validated.
 */
public interface DiagramRenderer {

    /** A diagram longer than this (characters or lines) is too big for a phone: refused before any drawing. */
    int MAX_CHARS = 3_000;
    int MAX_LINES = 60;

    /** For hosts without a renderer: every diagram is {@link Unavailable}. */
    DiagramRenderer NONE = source -> new Unavailable("no diagram renderer on this host");

    /** Draws {@code source}; never throws. */
    Result render(String source);

    sealed interface Result {
    }

    /** The picture, as a PNG ready to send. */
    record Drawn(Outbound.RenderedImage image) implements Result {
        public Drawn {
            Objects.requireNonNull(image, "image");
        }

        /** A drawn diagram's PNG, under the name it is sent with. */
        public static Drawn png(byte[] png) {
            return new Drawn(new Outbound.RenderedImage("diagram.png", png));
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
