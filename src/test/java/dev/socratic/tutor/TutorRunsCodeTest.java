package dev.socratic.tutor;

import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.tutor.Input.Choice;
import dev.socratic.tutor.Input.Command;
import dev.socratic.tutor.Input.Text;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;
import dev.socratic.tutor.Outbound.Button;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Verdict.Grade;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The tutor's side of running code: a grader's findings in the reply, and the Run button. */
class TutorRunsCodeTest {

    private static final Curriculum CURRICULUM =
            new CurriculumLoader().load(Path.of("src/test/resources/fixture-code-curriculum"));
    private final Messages messages = Messages.load();

    /** Answers every run with the same result and remembers what it was asked to run. */
    private static final class FakeRunner implements CodeRunner {
        final List<String> ran = new ArrayList<>();
        final RunResult result;

        FakeRunner(RunResult result) {
            this.result = result;
        }

        @Override
        public RunResult run(String code, String tests) {
            ran.add(code);
            return result;
        }
    }

    private static Message only(Turn turn) {
        assertThat(turn.messages()).hasSize(1);
        return (Message) turn.messages().getFirst();
    }

    @Nested
    class AGradersFindings {

        private final List<Outbound.Block> failedCase = List.of(new Paragraph("It passes 1 of the checks, then this one fails:"),
                new Code("assert count_words(\"a b a\") == {\"a\": 2, \"b\": 1}"),
                new Paragraph("What did you expect at that point?"));
        private final Grader failing = (question, answer) -> new Verdict(Grade.PARTIAL, List.of(), failedCase);
        private final AwaitingAnswer awaiting = new AwaitingAnswer(Progress.EMPTY, "word-count", 0);

        @Test
        void openTheReplyInPlaceOfTheGenericLeadAndTheHintStillFollows() {
            var tutor = new Tutor(CURRICULUM, failing, messages);

            var reply = only(tutor.handle(awaiting, new Text("def count_words(t): ...")));

            assertThat(reply.blocks().subList(0, 3)).isEqualTo(failedCase);
            assertThat(reply.plainText()).doesNotContain(messages.get("partial"))
                    .endsWith("Hint 1 of 2: What should the count be the first time you see a word?");
        }

        @Test
        void stillLeadToTheAnswerOnlyWhenTheHintsAreUsedUp() {
            var tutor = new Tutor(CURRICULUM, failing, messages);

            var turn = tutor.handle(new AwaitingAnswer(Progress.EMPTY, "word-count", 2), new Text("def count_words(t): ..."));

            var reply = only(turn);
            assertThat(reply.blocks().subList(0, 3)).isEqualTo(failedCase);
            assertThat(reply.blocks()).contains(new Paragraph(messages.get("hint.none.left")),
                    new Code(CURRICULUM.require("word-count").check().answer()));
            assertThat(turn.state()).isInstanceOf(ReadyToAdvance.class);
        }

        @Test
        void codePythonCannotReadCostsNoHintEvenWithTheLastHintUsed() {
            var unreadable = new Paragraph("Python can't read line 1 (def count_words(t)): expected ':'. Can you see why?");
            var tutor = new Tutor(CURRICULUM, (question, answer) ->
                    new Verdict(Grade.INCORRECT, List.of(), List.of(unreadable), false), messages);
            var lastHintUsed = new AwaitingAnswer(Progress.EMPTY, "word-count", 2);

            var turn = tutor.handle(lastHintUsed, new Text("def count_words(t)"));

            var reply = only(turn);
            assertThat(reply.blocks()).containsExactly(unreadable, new Paragraph(messages.get("code.fix")));
            assertThat(turn.state()).isEqualTo(lastHintUsed);
        }

        @Test
        void aCorrectSolutionIsPraisedAndTheModelSolutionShownAsCode() {
            var passed = List.<Outbound.Block>of(new Paragraph("I ran your code against 3 checks: every one passes."));
            var tutor = new Tutor(CURRICULUM, (question, answer) -> new Verdict(Grade.CORRECT, List.of(), passed), messages);

            var turn = tutor.handle(awaiting, new Text("def count_words(text): ..."));

            var reply = only(turn);
            assertThat(reply.blocks().getFirst()).isEqualTo(passed.getFirst());
            assertThat(reply.blocks()).contains(new Code(CURRICULUM.require("word-count").check().answer()));
            assertThat(reply.buttons()).extracting(Button::data).containsExactly("next");
            assertThat(turn.state()).isEqualTo(new ReadyToAdvance(new Progress(List.of("word-count"), Set.of()), "word-count"));
        }
    }

    @Nested
    class TheRunButton {

        private final Progress countedWords = new Progress(List.of("word-count"), Set.of());
        private final AwaitingAnswer predicting = new AwaitingAnswer(countedWords, "squares", 0);
        private final FakeRunner runner = new FakeRunner(new RunResult.Passed("0\n1\n4\n", 0));
        private final Tutor tutor = new Tutor(CURRICULUM, new KeyPointGrader(), messages, runner);

        @Test
        void comesWithTheReplyToAnAnsweredPredictOutputQuestion() {
            var reply = only(tutor.handle(predicting, new Text("0 1 4")));

            assertThat(reply.buttons()).extracting(Button::data).containsExactly("run", "next");
        }

        @Test
        void comesAfterTheAnswerIsRevealedToo() {
            var reply = only(tutor.handle(new AwaitingAnswer(countedWords, "squares", 1), new Text("1 2 3")));

            assertThat(reply.buttons()).extracting(Button::data).containsExactly("run", "next");
        }

        @Test
        void showsWhatTheCodeReallyPrints() {
            var ready = new ReadyToAdvance(new Progress(List.of("word-count", "squares"), Set.of()), "squares");

            var turn = tutor.handle(ready, new Choice("run"));

            assertThat(runner.ran).containsExactly(CURRICULUM.require("squares").check().code());
            assertThat(turn.state()).isEqualTo(ready);
            var reply = only(turn);
            assertThat(reply.blocks()).containsExactly(new Paragraph(messages.get("run.output")), new Code("0\n1\n4"),
                    new Paragraph(messages.get("run.match")));
            assertThat(reply.buttons()).extracting(Button::data).containsExactly("next");
        }

        @Test
        void worksAsACommandForTheConsole() {
            var ready = new ReadyToAdvance(new Progress(List.of("word-count", "squares"), Set.of()), "squares");

            assertThat(only(tutor.handle(ready, new Command("run", ""))).plainText()).contains("0\n1\n4");
        }

        @Test
        void neverRunsBeforeThePredictionIsIn() {
            var turn = tutor.handle(predicting, new Choice("run"));

            assertThat(runner.ran).isEmpty();
            assertThat(turn.state()).isEqualTo(predicting);
            assertThat(only(turn).plainText()).startsWith(messages.get("run.predict.first")).endsWith("What does this print?");
        }

        @Test
        void saysWhyWhenTheSandboxCannotRunTheCode() {
            var busy = new Tutor(CURRICULUM, new KeyPointGrader(), messages, new FakeRunner(new RunResult.Busy()));
            var ready = new ReadyToAdvance(new Progress(List.of("word-count", "squares"), Set.of()), "squares");

            assertThat(only(busy.handle(ready, new Choice("run"))).plainText())
                    .isEqualTo(messages.get("run.cannot", messages.get("obstacle.busy")));
        }

        @Test
        void isNotOfferedForOtherKindsOfQuestion() {
            var passedCheck = (Grader) (question, answer) -> Verdict.correct();
            var withRunner = new Tutor(CURRICULUM, passedCheck, messages, runner);

            var reply = only(withRunner.handle(new AwaitingAnswer(Progress.EMPTY, "word-count", 0), new Text("code")));

            assertThat(reply.buttons()).extracting(Button::data).containsExactly("next");
            assertThat(only(withRunner.handle(new ReadyToAdvance(countedWords, "word-count"), new Choice("run")))
                    .plainText()).startsWith(messages.get("run.nothing"));
            assertThat(runner.ran).isEmpty();
        }

        @Test
        void isNotOfferedByATutorThatRunsNoCode() {
            var withoutRunner = new Tutor(CURRICULUM, new KeyPointGrader(), messages);

            assertThat(only(withoutRunner.handle(predicting, new Text("0 1 4"))).buttons())
                    .extracting(Button::data).containsExactly("next");
        }
    }
}
