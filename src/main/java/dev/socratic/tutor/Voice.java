package dev.socratic.tutor;

import java.time.Duration;

/**
 * An LLM that words the tutor's replies. A port: the core hands it only what a prompt may carry and
 * checks whatever comes back with the {@link PedagogyGuard}; implementations live in {@code llm}.
 */
public interface Voice {

    /** A draft for {@code request} within {@code timeout}, or why there is none. Never throws. */
    VoiceReply speak(VoiceRequest request, Duration timeout);
}
