package dev.socratic.app;

import dev.socratic.llm.FakeOpenAiServer;
import dev.socratic.render.MermaidRenderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MainTest {

    @TempDir
    Path folder;

    private MainRun run(Map<String, String> env, String input, String... args) {
        return MainRun.run(env, input, args);
    }

    private Map<String, String> env(String... pairs) {
        return MainRun.env(folder, pairs);
    }

    @Nested
    class ConsoleMode {

        @Test
        void teachesFromStandardInputAndExitsAtTheEnd() {
            var result = run(env(), "/start\nThreads share the memory of their process, so they see the same list.\n/next\n");

            assertThat(result.status()).isZero();
            assertThat(result.out()).contains("Welcome", "Why can two threads see the same list?", "that's it",
                    "== Locks ==", "print(lock.locked())", "What does this print?");
        }

        @Test
        void howToUseTheConsoleGoesToStandardErrorNotIntoTheConversation() {
            var result = run(env(), "/start\n");

            assertThat(result.err()).contains(Application.CONSOLE_GREETING);
            assertThat(result.out()).doesNotContain("Ctrl-D").startsWith("Welcome");
        }

        @Test
        void comparesAMultiLineOutputTypedOnOneLine() {
            run(env(), "/start\nThreads share the memory of their process, so they see the same list.\n/next\n");

            var result = run(env(), "True   False\n");

            assertThat(result.out()).contains("that's it");
        }

        @Test
        void aReturningLearnerResumesFromTheDatabase() {
            run(env(), "/start\n");

            var result = run(env(), "/start\n");

            assertThat(result.out()).contains("Welcome back", "Threads").doesNotContain("I'm your Socratic tutor");
        }

        @Test
        void anEmptyInputEndsCleanly() {
            assertThat(run(env(), "").status()).isZero();
        }
    }

    @Nested
    class WithAnLlm {

        @Test
        void theVoiceWordsTheHintThroughAnOpenAiCompatibleServer() throws Exception {
            try (var server = new FakeOpenAiServer()) {
                server.respondWith(request -> new FakeOpenAiServer.Draft(
                        "Picture the list in memory. Which part of the process holds it, do you think?"));

                var result = run(env("TUTOR_LLM", "openai", "OPENAI_BASE_URL", server.baseUrl().toString()),
                        "/start\nbecause of magic\n");

                assertThat(result.status()).isZero();
                assertThat(result.out()).contains("Why can two threads see the same list?",
                        "Hint 1 of 2: Picture the list in memory");
                assertThat(server.requests()).isNotEmpty();
            }
        }

        @Test
        void aDiagramTheVoiceWritesIsDrawnByTheHostsRendererAndNeverPrintedAsSource() throws Exception {
            assumeTrue(MermaidRenderer.onHost(Path.of("scripts", "render-diagrams")).isPresent(),
                    "no Mermaid renderer on this host (node, chromium, npm ci in scripts/render-diagrams)");
            try (var server = new FakeOpenAiServer()) {
                server.respondWith(request -> new FakeOpenAiServer.Draft("""
                        Both threads reach one list:
                        ```mermaid
                        graph TD
                          T1[Thread 1] --> L[(list)]
                          T2[Thread 2] --> L
                        ```
                        Which part of the process holds it, do you think?"""));

                var result = run(env("TUTOR_LLM", "openai", "OPENAI_BASE_URL", server.baseUrl().toString()),
                        "/start\nbecause of magic\n");

                assertThat(result.status()).isZero();
                assertThat(result.out()).contains("[picture: ", "diagram.png", "Hint 1 of 2: Both threads reach one list:")
                        .doesNotContain("graph TD", "-->");
                assertThat(server.requests().getFirst().system()).doesNotContain("```mermaid block");
                assertThat(server.requests().getLast().system()).contains("```mermaid block");
                var picture = Files.readAllBytes(folder.resolve("pictures").resolve("diagram.png"));
                assertThat(picture).startsWith(0x89, 'P', 'N', 'G');
            }
        }

        @Test
        void anUnreachableServerLeavesTheAuthoredTutorWorking() {
            var result = run(env("TUTOR_LLM", "openai", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1"),
                    "/start\nbecause of magic\n");

            assertThat(result.status()).isZero();
            assertThat(result.out()).contains("A thread is one line of execution", "Hint 1 of 2: Where does the list live?");
        }
    }

    @Nested
    class BadConfiguration {

        @Test
        void anUnknownProviderNamesTheVariable() {
            var result = run(env("TUTOR_LLM", "gpt"), "");

            assertThat(result.status()).isEqualTo(2);
            assertThat(result.err().strip()).startsWith("socratic-tutor: TUTOR_LLM:").doesNotContain("Exception").hasLineCount(1);
        }

        @Test
        void aBadUrlNamesTheVariable() {
            assertThat(run(env("TELEGRAM_API_URL", "not a url"), "").err()).contains("TELEGRAM_API_URL");
            assertThat(run(env("OPENAI_BASE_URL", "ftp://x"), "").err()).contains("OPENAI_BASE_URL");
        }

        @Test
        void aMissingKeyForTheChosenProviderNamesIt() {
            assertThat(run(env("TUTOR_LLM", "anthropic"), "").err()).contains("ANTHROPIC_API_KEY");
            assertThat(run(env("TUTOR_LLM", "openai"), "").err()).contains("OPENAI_API_KEY");
        }

        @Test
        void anUnreadableCurriculumNamesTheVariable() {
            var result = run(env("TUTOR_CURRICULUM", folder.resolve("missing").toString()), "");

            assertThat(result.status()).isEqualTo(2);
            assertThat(result.err()).contains("TUTOR_CURRICULUM");
        }

        @Test
        void aBadAllowListNamesTheVariable() {
            assertThat(run(env("TUTOR_ALLOWED_USERS", "12,abc"), "").err()).contains("TUTOR_ALLOWED_USERS", "abc");
        }

        @Test
        void diagramOptionsAreCheckedAndOffByDefault() {
            assertThat(run(env("TUTOR_DIAGRAM_LINKS", "http://mermaid.ink/img/"), "").err())
                    .contains("TUTOR_DIAGRAM_LINKS", "https");
            assertThat(run(env("TUTOR_MERMAID", folder.resolve("missing").toString()), "").err()).contains("TUTOR_MERMAID");
            assertThat(Config.fromEnvironment(env()).diagramLinks()).isEmpty();
            assertThat(Config.fromEnvironment(env("TUTOR_DIAGRAM_LINKS", "https://mermaid.ink/img/")).diagramLinks())
                    .contains("https://mermaid.ink/img/");
            assertThat(Config.fromEnvironment(env("TUTOR_MERMAID", "off")).mermaid()).isEmpty();
        }

        @Test
        void secretsNeverAppearInTheConfigDescription() {
            var config = Config.fromEnvironment(env("TELEGRAM_BOT_TOKEN", "123:SECRET", "TUTOR_LLM", "anthropic",
                    "ANTHROPIC_API_KEY", "sk-SECRET"));

            assertThat(config.toString()).doesNotContain("SECRET");
        }
    }

    @Nested
    class CheckCurriculum {

        @Test
        void printsStatisticsForAValidCurriculum() {
            var result = run(env(), "", "check-curriculum");

            assertThat(result.status()).isZero();
            assertThat(result.out()).contains("curriculum OK: 2 topics, 3 concepts", "topic basics");
        }

        @Test
        void failsWithAClearMessageNamingFileAndConcept() throws Exception {
            var broken = folder.resolve("broken");
            Files.createDirectories(broken);
            Files.writeString(broken.resolve("t.yaml"), """
                    id: t
                    title: T
                    track: python
                    diagram: graph LR; a-->b
                    concepts:
                      - id: a
                        requires: [ghost]
                        explain: x
                        check: {kind: explain-back, prompt: 'p?', answer: a}
                    """);

            var result = run(env("TUTOR_CURRICULUM", broken.toString()), "", "check-curriculum");

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.err()).contains("t.yaml", "'a'", "ghost").doesNotContain("Exception");
        }
    }

    @Test
    void anUnknownSubcommandPrintsUsage() {
        var result = run(env(), "", "frobnicate");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("usage");
    }
}
