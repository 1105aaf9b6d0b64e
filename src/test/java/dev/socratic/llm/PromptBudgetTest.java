package dev.socratic.llm;

import dev.socratic.MutableClock;
import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.llm.FakeOpenAiServer.Draft;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.store.SqliteTranscript;
import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.Input;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.Finished;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.TurnProcessor;
import dev.socratic.tutor.Tutor;
import dev.socratic.tutor.VoiceTimings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost of the voice on the real curriculum: a learner works through every concept with wrong
 * answers, questions, hints and correct answers, and each prompt's size is measured as sent. The
 * median stays within budget, and it does not grow with the length of the study.
 */
class PromptBudgetTest {

    private static final int BUDGET = 1_200;

    @TempDir
    Path folder;

    @Test
    void promptsStayWithinBudgetAndFlatHoweverLongTheStudy() throws IOException {
        var curriculum = new CurriculumLoader().load(Path.of("curriculum"));
        var clock = new MutableClock();
        try (var server = new FakeOpenAiServer();
             var database = Database.open(folder.resolve("tutor.db"));
             var voice = new LlmVoice(ChatModels.openAi(server.baseUrl(), Optional.empty(), Optional.empty(),
                     Duration.ofSeconds(10)), PromptTemplates.load(Path.of("prompts")), clock)) {
            server.respondWith(request -> new Draft("Where would that data live, and who can reach it, do you think?"));
            var timings = new VoiceTimings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1));
            var tutor = new Tutor(curriculum, new KeyPointGrader(), Messages.load(), voice, clock, timings);
            var store = new SqliteLearnerStore(database, clock);
            var turns = new TurnProcessor(tutor, store, new SqliteTranscript(database));
            Consumer<String> say = line -> turns.process(new Inbound(7, 7, null, Input.parse(line)));

            say.accept("/start");
            while (!(store.load(7).state() instanceof Finished)) {
                var state = store.load(7).state();
                var concept = curriculum.require(switch (state) {
                    case AwaitingAnswer awaiting -> awaiting.conceptId();
                    case ReadyToAdvance ready -> ready.conceptId();
                    default -> throw new IllegalStateException("unexpected " + state);
                });
                if (state instanceof AwaitingAnswer) {
                    say.accept("I am not sure, maybe it has to do with speed");
                    say.accept("Can you explain the part about " + concept.title().toLowerCase() + " again?");
                    say.accept("Why does that matter in a real system?");
                    say.accept(concept.check().answer());
                }
                say.accept("/next");
            }

            var tokens = VoiceEvents.promptTokens(database);
            assertThat(tokens).hasSize(server.requests().size());
            var half = tokens.size() / 2;
            var early = VoiceEvents.median(tokens.subList(0, half));
            var late = VoiceEvents.median(tokens.subList(half, tokens.size()));
            int max = tokens.stream().mapToInt(Integer::intValue).max().orElseThrow();
            var line = "prompt tokens per request on curriculum/ (%d concepts, %d requests): median=%d max=%d "
                    + "first-half median=%d second-half median=%d";
            var report = line.formatted(curriculum.size(), tokens.size(), VoiceEvents.median(tokens), max, early, late);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "prompt-budget.txt"), report + "\n", StandardCharsets.UTF_8);
            System.out.println(report);

            assertThat(tokens).hasSizeGreaterThan(4 * curriculum.size());
            assertThat(VoiceEvents.median(tokens)).isLessThanOrEqualTo(BUDGET);
            assertThat(late).as("flat over time").isLessThanOrEqualTo(early * 12 / 10);
        }
    }
}
