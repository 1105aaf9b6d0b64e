package dev.socratic.app;

import dev.socratic.llm.ChatModels;
import dev.socratic.llm.LlmVoice;
import dev.socratic.llm.PromptTemplates;
import dev.socratic.tutor.VoiceTimings;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** The LLM voice chosen by TUTOR_LLM, with the prompts read now so a bad one stops start-up. */
final class VoiceSetup {

    private VoiceSetup() {
    }

    static Optional<LlmVoice> open(Config config, Clock clock) {
        if (config.llm() == LlmProvider.NONE) {
            return Optional.empty();
        }
        PromptTemplates prompts;
        try {
            var beside = Path.of("prompts");
            prompts = Files.isDirectory(beside) ? PromptTemplates.load(beside) : PromptTemplates.loadBundled();
        } catch (PromptTemplates.PromptException e) {
            throw new ConfigException("TUTOR_LLM", "the LLM prompts cannot be used: " + e.getMessage());
        }
        var timeout = VoiceTimings.DEFAULT.call();
        var model = switch (config.llm()) {
            case OPENAI -> ChatModels.openAi(config.openAiBaseUrl(), config.openAiKey(), config.llmModel(), timeout);
            case OLLAMA -> ChatModels.ollama(config.ollamaBaseUrl(), config.llmModel(), timeout);
            case ANTHROPIC -> ChatModels.anthropic(config.anthropicKey().orElseThrow(), config.llmModel(), timeout);
            case NONE -> throw new IllegalStateException("no model without an LLM");
        };
        LoggerFactory.getLogger(VoiceSetup.class).info(
                "the tutor speaks through {} ({}); every draft is checked against the teaching rules",
                config.llm().name().toLowerCase(Locale.ROOT), config.llmModel().orElse("the provider's default model"));
        return Optional.of(new LlmVoice(model, prompts, clock));
    }
}
