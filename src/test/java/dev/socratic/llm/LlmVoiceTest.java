package dev.socratic.llm;

import dev.socratic.MutableClock;
import dev.socratic.llm.FakeOpenAiServer.Draft;
import dev.socratic.llm.FakeOpenAiServer.Hang;
import dev.socratic.llm.FakeOpenAiServer.Raw;
import dev.socratic.llm.FakeOpenAiServer.Status;
import dev.socratic.tutor.VoiceReply.Drafted;
import dev.socratic.tutor.VoiceReply.Unavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The voice through the real langchain4j OpenAI client, against a local fake server. */
class LlmVoiceTest {

    /** Far more than a local reply takes, even a fresh JVM's first; only the hanging server reaches it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(300);

    private final FakeOpenAiServer server = new FakeOpenAiServer();
    private final MutableClock clock = new MutableClock();
    private final LlmVoice voice = new LlmVoice(
            ChatModels.openAi(server.baseUrl(), Optional.empty(), Optional.empty(), TIMEOUT),
            PromptTemplates.load(Path.of("prompts")),
            new CircuitBreaker(clock, LlmVoice.FAILURES_TO_OPEN, LlmVoice.OPEN_FOR));

    LlmVoiceTest() throws IOException {
    }

    @AfterEach
    void stop() {
        voice.close();
        server.close();
    }

    @Test
    void aDraftComesBackWithTheSizeOfItsPrompt() {
        server.respondWith(request -> new Draft("  Where does the list live, do you think?  "));

        var reply = voice.speak(Requests.hint(), TIMEOUT);

        assertThat(reply).isInstanceOfSatisfying(Drafted.class, drafted -> {
            assertThat(drafted.text()).isEqualTo("Where does the list live, do you think?");
            assertThat(drafted.promptTokens()).isBetween(100, 1_200);
        });
        var request = server.requests().getFirst();
        assertThat(request.model()).isEqualTo("gpt-4o-mini");
        assertThat(request.maxTokens()).isEqualTo(400);
        assertThat(request.system()).contains("Socratic tutor");
        assertThat(request.lastUser()).contains("Where does the list live?");
    }

    @Test
    void aServerErrorIsReportedOnceWithNoHiddenRetry() {
        server.respondWith(request -> new Status(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"));

        assertThat(voice.speak(Requests.hint(), TIMEOUT)).extracting(reply -> ((Unavailable) reply).reason()).isEqualTo("http 500");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aFailureIsNamedByItsStatusOrKindNeverByTheProvidersMessage() {
        var wrapped = new dev.langchain4j.exception.InternalServerException("secret body",
                new dev.langchain4j.exception.HttpException(502, "secret body"));

        assertThat(LlmVoice.reason(wrapped)).isEqualTo("http 502");
        assertThat(LlmVoice.reason(new dev.langchain4j.exception.InternalServerException("secret body")))
                .isEqualTo("server error");
        assertThat(LlmVoice.reason(new IllegalStateException("secret body"))).isEqualTo("error IllegalStateException");
    }

    @Test
    void aServerThatHangsIsATimeout() {
        server.respondWith(request -> new Hang());

        assertThat(voice.speak(Requests.hint(), SHORT)).extracting(reply -> ((Unavailable) reply).reason()).isEqualTo("timeout");
    }

    @Test
    void emptyAndGarbageRepliesAreNotDrafts() {
        server.respondWith(request -> new Draft(""));
        assertThat(voice.speak(Requests.hint(), TIMEOUT)).extracting(reply -> ((Unavailable) reply).reason()).isEqualTo("empty reply");

        server.respondWith(request -> new Draft("{\"error\": \"model overloaded\"}"));
        assertThat(voice.speak(Requests.hint(), TIMEOUT)).extracting(reply -> ((Unavailable) reply).reason()).isEqualTo("garbage reply");

        server.respondWith(request -> new Raw("this is not json"));
        assertThat(voice.speak(Requests.hint(), TIMEOUT)).isInstanceOf(Unavailable.class);
    }

    @Test
    void aRateLimitStopsTheCallsAtOnceUntilTheCircuitHasCooled() {
        server.respondWith(request -> new Status(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}"));

        assertThat(voice.speak(Requests.hint(), TIMEOUT)).extracting(reply -> ((Unavailable) reply).reason()).isEqualTo("rate limited");
        assertThat(voice.speak(Requests.hint(), TIMEOUT)).extracting(reply -> ((Unavailable) reply).reason()).isEqualTo("circuit open");
        assertThat(server.requests()).hasSize(1);

        server.respondWith(request -> new Draft("Where does the list live, do you think?"));
        clock.advance(LlmVoice.OPEN_FOR.plusSeconds(1));
        assertThat(voice.speak(Requests.hint(), TIMEOUT)).isInstanceOf(Drafted.class);
        assertThat(voice.speak(Requests.hint(), TIMEOUT)).isInstanceOf(Drafted.class);
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndAFailedTrialKeepsItOpen() {
        server.respondWith(request -> new Status(503, "{}"));
        for (int i = 0; i < LlmVoice.FAILURES_TO_OPEN; i++) {
            assertThat(voice.speak(Requests.hint(), TIMEOUT)).extracting(reply -> ((Unavailable) reply).reason()).isEqualTo("http 503");
        }

        assertThat(voice.speak(Requests.hint(), TIMEOUT)).extracting(reply -> ((Unavailable) reply).reason()).isEqualTo("circuit open");
        clock.advance(LlmVoice.OPEN_FOR.plusSeconds(1));
        assertThat(voice.speak(Requests.hint(), TIMEOUT)).extracting(reply -> ((Unavailable) reply).reason()).isEqualTo("http 503");
        assertThat(voice.speak(Requests.hint(), TIMEOUT)).extracting(reply -> ((Unavailable) reply).reason()).isEqualTo("circuit open");
        assertThat(server.requests()).hasSize(LlmVoice.FAILURES_TO_OPEN + 1);
    }
}
