package dev.socratic.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.socratic.tutor.TeachingRule;
import dev.socratic.tutor.Violation;
import dev.socratic.tutor.VoiceRequest.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptTemplatesTest {

    private static final Path PROMPTS = Path.of("prompts");

    @TempDir
    Path folder;

    private Path copyOfPrompts() throws IOException {
        try (var files = Files.list(PROMPTS)) {
            for (var file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return folder;
    }

    @Test
    void thePromptsFolderAndTheCopyInTheJarBothLoad() {
        var renderer = new PromptRenderer(PromptTemplates.load(PROMPTS));
        var bundled = new PromptRenderer(PromptTemplates.loadBundled());

        assertThat(bundled.render(Requests.hint())).isEqualTo(renderer.render(Requests.hint()));
    }

    @Test
    void aHintPromptIsTheSystemPromptAndTheHintPromptFilledIn() {
        var messages = new PromptRenderer(PromptTemplates.load(PROMPTS)).render(Requests.hint());

        assertThat(messages).hasSize(2);
        assertThat(((SystemMessage) messages.get(0)).text()).contains("Socratic tutor", "\"Threads\"", "Learner: /start")
                .doesNotContain("{{");
        assertThat(((UserMessage) messages.get(1)).singleText()).contains("hint 1 of 2", "Where does the list live?")
                .doesNotContain("{{");
    }

    @Test
    void aLineWhosePlaceholderIsEmptyIsLeftOut() {
        var text = PromptTemplates.fill("Code: {{check_code}}\nQuestion: {{check_prompt}}",
                Map.of("check_code", "", "check_prompt", "Why?"));

        assertThat(text).isEqualTo("Question: Why?");
    }

    @Test
    void masteryFactsReachTheSystemPrompt() {
        var system = ((SystemMessage) new PromptRenderer(PromptTemplates.load(PROMPTS)).render(Requests.correct())
                .getFirst()).text();

        assertThat(system).contains("Concepts covered so far: 2", "Intro, Processes", "answer shown for: Processes");
    }

    @Test
    void aRevisionAsksAgainNamingEveryBrokenRule() {
        var request = Requests.hint().revise(
                List.of(new Violation(TeachingRule.NO_PROGRESS_CLAIM, "x"), new Violation(TeachingRule.ENDS_WITH_QUESTION, "y")));

        var messages = new PromptRenderer(PromptTemplates.load(PROMPTS)).render(request);

        assertThat(messages).hasSize(2);
        assertThat(((UserMessage) messages.get(1)).singleText()).contains("Where does the list live?",
                "talks about the learner's progress", "does not end by asking");
    }

    @Test
    void everyPurposeHasItsPrompt() {
        var templates = PromptTemplates.load(PROMPTS);

        for (var purpose : Purpose.values()) {
            assertThat(templates.purpose(purpose, Map.of("concept_title", "Threads"))).as(purpose.name()).isNotBlank();
        }
    }

    @Test
    void anUnknownPlaceholderStopsLoadingNamingTheFile() throws IOException {
        var prompts = copyOfPrompts();
        Files.writeString(prompts.resolve("hint.txt"), "Give a hint about {{secret_answer}}");

        assertThatThrownBy(() -> PromptTemplates.load(prompts))
                .isInstanceOf(PromptTemplates.PromptException.class)
                .hasMessageContaining("hint.txt").hasMessageContaining("secret_answer");
    }

    @Test
    void aRuleWithoutItsRevisionLineStopsLoading() throws IOException {
        var prompts = copyOfPrompts();
        Files.writeString(prompts.resolve("violations.properties"), "ONE_CONCEPT=Stay on one concept.\n");

        assertThatThrownBy(() -> PromptTemplates.load(prompts)).hasMessageContaining("ENDS_WITH_QUESTION");
    }

    @Test
    void aMissingFileStopsLoading() throws IOException {
        var prompts = copyOfPrompts();
        Files.delete(prompts.resolve("teach.txt"));

        assertThatThrownBy(() -> PromptTemplates.load(prompts)).hasMessageContaining("teach.txt");
    }
}
