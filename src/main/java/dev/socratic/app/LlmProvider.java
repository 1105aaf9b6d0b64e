package dev.socratic.app;

import java.util.Arrays;
import java.util.Locale;

/** The LLM that gives the tutor its voice, if any. */
enum LlmProvider {
    NONE, OPENAI, OLLAMA, ANTHROPIC;

    static LlmProvider parse(String value) {
        var name = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(provider -> provider.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst()
                .orElseThrow(() -> new ConfigException("TUTOR_LLM",
                        "unknown provider '" + value + "' (expected none, openai, ollama or anthropic)"));
    }
}
