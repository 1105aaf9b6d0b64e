package dev.socratic.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModelName;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.socratic.tutor.Voice;
import dev.socratic.tutor.VoiceReply;
import dev.socratic.tutor.VoiceReply.Drafted;
import dev.socratic.tutor.VoiceReply.Unavailable;
import dev.socratic.tutor.VoiceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tutor's voice through a langchain4j {@link ChatModel}. Every failure (error, timeout, 429,
 * empty or garbage reply) becomes {@link Unavailable}, so the core sends its authored text; a
 * circuit breaker stops calling a provider that keeps failing. The timeout is enforced here, on a
 * virtual thread, whatever the HTTP client does with a server that trickles or hangs.
 */
public final class LlmVoice implements Voice, AutoCloseable {

    static final int FAILURES_TO_OPEN = 3;
    static final Duration OPEN_FOR = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(LlmVoice.class);

    private final ChatModel model;
    private final PromptRenderer renderer;
    private final CircuitBreaker breaker;
    // the prompt's size in OpenAI's tokenizer: exact for OpenAI, a close estimate for the others
    private final OpenAiTokenCountEstimator tokens = new OpenAiTokenCountEstimator(OpenAiChatModelName.GPT_4_O_MINI);
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public LlmVoice(ChatModel model, PromptTemplates templates, Clock clock) {
        this(model, templates, new CircuitBreaker(clock, FAILURES_TO_OPEN, OPEN_FOR));
    }

    LlmVoice(ChatModel model, PromptTemplates templates, CircuitBreaker breaker) {
        this.model = model;
        this.renderer = new PromptRenderer(templates);
        this.breaker = breaker;
    }

    @Override
    public VoiceReply speak(VoiceRequest request, Duration timeout) {
        if (!breaker.allowsCall()) {
            return new Unavailable("circuit open");
        }
        List<ChatMessage> messages = renderer.render(request);
        int promptTokens = tokens.estimateTokenCountInMessages(messages);
        var call = calls.submit(() -> model.chat(messages));
        try {
            ChatResponse response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            var text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
            var problem = ReplyCheck.problem(text);
            if (problem.isPresent()) {
                return failed(problem.get(), promptTokens);
            }
            if (breaker.succeeded()) {
                log.info("the LLM answers again; the voice is back");
            }
            return new Drafted(text.strip(), promptTokens);
        } catch (TimeoutException e) {
            call.cancel(true);
            return failed("timeout", promptTokens);
        } catch (ExecutionException e) {
            return failed(e.getCause(), promptTokens);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted", promptTokens);
        } catch (RejectedExecutionException e) {
            return new Unavailable("closed");
        }
    }

    private VoiceReply failed(Throwable cause, int promptTokens) {
        if (cause instanceof RateLimitException) {
            if (breaker.rateLimited()) {
                log.warn("the LLM provider asks to slow down (429); speaking from the curriculum for {} s",
                        OPEN_FOR.toSeconds());
            }
            return new Unavailable("rate limited", promptTokens);
        }
        return failed(reason(cause), promptTokens);
    }

    /** The HTTP status if there was one, else the kind of failure: the library's messages may quote the reply. */
    static String reason(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http) {
                return "http " + http.statusCode();
            }
        }
        return switch (failure) {
            case dev.langchain4j.exception.TimeoutException timeout -> "timeout";
            case InternalServerException serverError -> "server error";
            case AuthenticationException authentication -> "authentication refused";
            case ModelNotFoundException notFound -> "model not found";
            default -> "error " + failure.getClass().getSimpleName();
        };
    }

    private VoiceReply failed(String reason, int promptTokens) {
        log.info("the LLM gave no usable draft: {}", reason);
        if (breaker.failed()) {
            log.warn("the LLM keeps failing ({}); speaking from the curriculum for {} s", reason, OPEN_FOR.toSeconds());
        }
        return new Unavailable(reason, promptTokens);
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
