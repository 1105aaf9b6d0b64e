package dev.socratic.tutor;

import java.util.Objects;

/** What the voice gave back: a draft to check, or the reason the tutor must use its authored text. */
public sealed interface VoiceReply {

    /** @param promptTokens the size of the prompt that produced it, for the cost figures */
    record Drafted(String text, int promptTokens) implements VoiceReply {
        public Drafted {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * @param reason       short and free of secrets: "timeout", "circuit open", "http 500", "empty reply"
     * @param promptTokens the size of the prompt if one was sent (it cost the same), else 0
     */
    record Unavailable(String reason, int promptTokens) implements VoiceReply {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }

        /** Nothing was sent. */
        public Unavailable(String reason) {
            this(reason, 0);
        }
    }
}
