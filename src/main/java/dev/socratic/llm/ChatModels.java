package dev.socratic.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The langchain4j chat models the tutor can speak through. No retries inside the client: the
 * caller's time budget is the only one, and the authored text is the retry.
 */
public final class ChatModels {

    public static final String OPENAI_DEFAULT = "gpt-4o-mini";
    public static final String OLLAMA_DEFAULT = "llama3.2";
    public static final String ANTHROPIC_DEFAULT = "claude-haiku-4-5-20251001";
    /** Room for the longest reply the guard accepts (180 words) and a little more; bounds latency too. */
    static final int MAX_OUTPUT_TOKENS = 400;
    static final double TEMPERATURE = 0.4;

    private ChatModels() {
    }

    /** OpenAI, or any server that speaks its chat completions API (vLLM, llama.cpp, LM Studio...). */
    public static ChatModel openAi(URI baseUrl, Optional<String> apiKey, Optional<String> model, Duration timeout) {
        return OpenAiChatModel.builder()
                .baseUrl(baseUrl.toString())
                // a self-hosted server usually wants no key, but the client insists on one
                .apiKey(apiKey.orElse("none"))
                .modelName(model.orElse(OPENAI_DEFAULT))
                .temperature(TEMPERATURE)
                .maxTokens(MAX_OUTPUT_TOKENS)
                .timeout(timeout)
                .maxRetries(0)
                .build();
    }

    public static ChatModel ollama(URI baseUrl, Optional<String> model, Duration timeout) {
        return OllamaChatModel.builder()
                .baseUrl(baseUrl.toString())
                .modelName(model.orElse(OLLAMA_DEFAULT))
                .temperature(TEMPERATURE)
                .numPredict(MAX_OUTPUT_TOKENS)
                .timeout(timeout)
                .maxRetries(0)
                .build();
    }

    public static ChatModel anthropic(String apiKey, Optional<String> model, Duration timeout) {
        return AnthropicChatModel.builder()
                .apiKey(apiKey)
                .modelName(model.orElse(ANTHROPIC_DEFAULT))
                .temperature(TEMPERATURE)
                .maxTokens(MAX_OUTPUT_TOKENS)
                .timeout(timeout)
                .maxRetries(0)
                .build();
    }
}
