package dev.socratic.tutor;

import dev.socratic.Fixtures;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.tutor.Event.Type;
import dev.socratic.tutor.Input.Choice;
import dev.socratic.tutor.Input.Command;
import dev.socratic.tutor.Input.Text;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.Finished;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TutorTest {

    private final Curriculum curriculum = Fixtures.curriculum();
    private final Tutor tutor = new Tutor(curriculum, new KeyPointGrader(), Messages.load());

    private static String text(Turn turn) {
        return String.join("\n---\n", turn.messages().stream().map(m -> ((Message) m).plainText()).toList());
    }

    private static Message last(Turn turn) {
        return (Message) turn.messages().getLast();
    }

    private Turn start() {
        return tutor.handle(new NotStarted(), new Command("start", ""));
    }

    private Turn passFirstCheck() {
        return tutor.handle(start().state(), new Text(curriculum.require("threads").check().answer()));
    }

    @Nested
    class Starting {

        @Test
        void welcomesAndTeachesTheFirstConceptWithItsQuestionLast() {
            var turn = start();

            assertThat(turn.state()).isEqualTo(new AwaitingAnswer(Progress.EMPTY, "threads", 0));
            assertThat(text(turn)).contains("Welcome", "A thread is one line of execution", "Goroutines");
            var teaching = last(turn);
            assertThat(teaching.blocks().getLast()).isEqualTo(new Paragraph("Why can two threads see the same list?"));
            assertThat(turn.events()).extracting(Event::type).containsExactly(Type.LEARNER_STARTED, Type.CONCEPT_INTRODUCED);
        }

        @Test
        void namesTheSystemDesignConceptAPythonConceptServes() {
            assertThat(text(start())).contains("Connection pools");
        }

        @Test
        void aReturningLearnerResumesTheOpenQuestion() {
            var awaiting = new AwaitingAnswer(Progress.EMPTY, "threads", 1);

            var turn = tutor.handle(awaiting, new Command("start", ""));

            assertThat(turn.state()).isEqualTo(awaiting);
            assertThat(text(turn)).contains("Welcome back", "Why can two threads see the same list?");
        }

        @Test
        void anyFirstMessageStartsTheLesson() {
            assertThat(tutor.handle(new NotStarted(), new Text("hello")).state()).isInstanceOf(AwaitingAnswer.class);
        }
    }

    @Nested
    class Answering {

        @Test
        void theModelAnswerIsCorrectAndInvitesNext() {
            var turn = passFirstCheck();

            assertThat(turn.state()).isInstanceOf(ReadyToAdvance.class);
            assertThat(turn.state().progress().done()).containsExactly("threads");
            assertThat(last(turn).buttons()).extracting(Outbound.Button::data).containsExactly("next");
            assertThat(text(turn)).contains("/next");
        }

        @Test
        void aWrongAnswerGetsTheMildestHintAndNotTheAnswer() {
            var turn = tutor.handle(start().state(), new Text("because of magic"));

            assertThat(turn.state()).isEqualTo(new AwaitingAnswer(Progress.EMPTY, "threads", 1));
            assertThat(text(turn)).contains("Where does the list live?")
                    .doesNotContain(curriculum.require("threads").check().answer());
        }

        @Test
        void hintsComeMildestFirstThenTheAnswerIsRevealedAndFlaggedForReview() {
            var state = start().state();
            var first = tutor.handle(state, new Text("no idea"));
            var second = tutor.handle(first.state(), new Text("still no idea"));
            var third = tutor.handle(second.state(), new Text("really no idea"));

            assertThat(text(first)).contains("Hint 1 of 2: Where does the list live?");
            assertThat(text(second)).contains("Hint 2 of 2: What do threads of one process have in common?");
            assertThat(third.state()).isInstanceOf(ReadyToAdvance.class);
            assertThat(third.state().progress().revealed()).containsExactly("threads");
            assertThat(text(third)).contains(curriculum.require("threads").check().answer());
            assertThat(third.events()).extracting(Event::type).contains(Type.ANSWER_REVEALED);
        }

        @Test
        void aPartialAnswerSaysSomethingIsMissingAndGivesAHint() {
            var turn = tutor.handle(start().state(), new Text("threads share memory"));

            assertThat(turn.state()).isInstanceOf(AwaitingAnswer.class);
            assertThat(text(turn)).contains("right track", "Hint 1 of 2");
        }

        @Test
        void aPartialAnswerIsToldWhatItHasRightButNotWhatIsMissing() {
            var turn = tutor.handle(start().state(), new Text("threads share memory"));

            assertThat(text(turn)).contains("you've got \u201Cthreads share memory\u201D. Something is still missing.")
                    .doesNotContain("same process");
        }

        @Test
        void anAnswerBuiltUpOverTwoMessagesIsGradedAsAWhole() {
            var partial = tutor.handle(start().state(), new Text("threads share memory"));
            assertThat(partial.state()).isInstanceOfSatisfying(AwaitingAnswer.class,
                    awaiting -> assertThat(awaiting.sofar()).isEqualTo("threads share memory"));

            // the hint asks what threads of one process have in common; the reply adds just that
            var added = tutor.handle(partial.state(), new Text("they are in the same process"));

            assertThat(added.state()).isInstanceOf(ReadyToAdvance.class);
            assertThat(text(added)).contains("that's it");
        }

        @Test
        void aWrongAnswerAddsNothingToWhatWasSaid() {
            var partial = tutor.handle(start().state(), new Text("threads share memory"));

            var wrong = tutor.handle(partial.state(), new Text("no idea, sorry"));

            assertThat(wrong.state()).isInstanceOfSatisfying(AwaitingAnswer.class,
                    awaiting -> assertThat(awaiting.sofar()).isEqualTo("threads share memory"));
            assertThat(text(wrong)).contains("right track", "Hint 2 of 2");
        }

        @Test
        void predictOutputIsGradedOnTheExactOutputWithWhitespaceNormalised() {
            var onLocks = new AwaitingAnswer(new Progress(List.of("threads"), Set.of()), "locks", 0);

            assertThat(tutor.handle(onLocks, new Text("True False")).state()).isInstanceOf(ReadyToAdvance.class);
            assertThat(tutor.handle(onLocks, new Text("True True")).state()).isInstanceOf(AwaitingAnswer.class);
        }

        @Test
        void anEmptyAnswerIsAskedForAgainWithoutUsingAHint() {
            var state = start().state();

            var turn = tutor.handle(state, new Text("   "));

            assertThat(turn.state()).isEqualTo(state);
            assertThat(last(turn).blocks().getLast()).isEqualTo(new Paragraph("Why can two threads see the same list?"));
        }

        @Test
        void anAnswerInAnotherAlphabetIsAskedForInEnglishWithoutUsingAHint() {
            var state = start().state();

            var turn = tutor.handle(state, new Text("Потоки разделяют одну память процесса 🤔"));

            assertThat(turn.state()).isEqualTo(state);
            assertThat(text(turn)).contains(Messages.load().get("answer.english")).doesNotContain("Hint");
            assertThat(last(turn).blocks().getLast()).isEqualTo(new Paragraph("Why can two threads see the same list?"));
        }

        @Test
        void anEnglishAnswerWithAForeignWordIsGradedAsUsual() {
            var turn = tutor.handle(start().state(), new Text("threads share memory, как и горутины"));

            assertThat(text(turn)).doesNotContain(Messages.load().get("answer.english"));
        }

        @Test
        void aHugeAnswerIsGradedWithoutFailing() {
            var turn = tutor.handle(start().state(), new Text("x".repeat(100_000)));

            assertThat(turn.state()).isInstanceOf(AwaitingAnswer.class);
        }
    }

    @Nested
    class Advancing {

        @Test
        void nextIsRefusedWithThePendingQuestionUntilTheCheckIsPassed() {
            var state = start().state();

            var turn = tutor.handle(state, new Command("next", ""));

            assertThat(turn.state()).isEqualTo(state);
            assertThat(text(turn)).contains("Not yet", "Why can two threads see the same list?");
            assertThat(turn.events()).extracting(Event::type).containsExactly(Type.ADVANCE_REFUSED);
        }

        @Test
        void nextAfterAPassTeachesTheNextConceptPreferringTheCurrentTopic() {
            var turn = tutor.handle(passFirstCheck().state(), new Command("next", ""));

            assertThat(turn.state()).isEqualTo(new AwaitingAnswer(new Progress(List.of("threads"), Set.of()), "locks", 0));
            var teaching = last(turn);
            assertThat(teaching.blocks()).hasAtLeastOneElementOfType(Code.class);
            assertThat(teaching.blocks().getLast()).isEqualTo(new Paragraph("What does this print?"));
            assertThat(teaching.blocks().get(teaching.blocks().size() - 2)).isInstanceOf(Code.class);
        }

        @Test
        void theReadyButtonActsAsNext() {
            var turn = tutor.handle(passFirstCheck().state(), new Choice("next"));

            assertThat(turn.state()).isInstanceOf(AwaitingAnswer.class);
            assertThat(((AwaitingAnswer) turn.state()).conceptId()).isEqualTo("locks");
        }

        @Test
        void sayingReadyInWordsAlsoAdvances() {
            assertThat(tutor.handle(passFirstCheck().state(), new Text("Ready!")).state()).isInstanceOf(AwaitingAnswer.class);
        }

        @Test
        void otherTextWhileReadyAsksWhetherToMoveOn() {
            var ready = passFirstCheck().state();

            var turn = tutor.handle(ready, new Text("cool"));

            assertThat(turn.state()).isEqualTo(ready);
            assertThat(text(turn)).contains("Ready for the next concept?");
        }

        @Test
        void theLastConceptFinishesTheCurriculum() {
            var ready = new ReadyToAdvance(new Progress(List.of("threads", "locks", "pools"), Set.of()), "pools");

            var turn = tutor.handle(ready, new Command("next", ""));

            assertThat(turn.state()).isInstanceOf(Finished.class);
            assertThat(turn.events()).extracting(Event::type).containsExactly(Type.CURRICULUM_FINISHED);
        }

        @Test
        void aConceptWhosePrerequisitesAreNotDoneIsNeverTaught() {
            var ready = new ReadyToAdvance(new Progress(List.of("pools"), Set.of()), "pools");

            var turn = tutor.handle(ready, new Command("next", ""));

            assertThat(((AwaitingAnswer) turn.state()).conceptId()).isEqualTo("threads");
        }
    }

    @Nested
    class OtherCommands {

        @Test
        void hintGivesTheNextHintAndRevealsOnlyWhenNoneAreLeft() {
            var first = tutor.handle(start().state(), new Command("hint", ""));
            var second = tutor.handle(first.state(), new Command("hint", ""));
            var third = tutor.handle(second.state(), new Command("hint", ""));

            assertThat(text(first)).contains("Where does the list live?");
            assertThat(second.state()).isEqualTo(new AwaitingAnswer(Progress.EMPTY, "threads", 2));
            assertThat(third.state()).isInstanceOf(ReadyToAdvance.class);
            assertThat(third.state().progress().revealed()).contains("threads");
        }

        @Test
        void progressCountsCoveredConcepts() {
            var turn = tutor.handle(passFirstCheck().state(), new Command("progress", ""));

            assertThat(text(turn)).contains("1 of 3 concepts covered", "Basics: 1/2");
        }

        @Test
        void helpListsTheCommandsAndRepeatsTheOpenQuestion() {
            var turn = tutor.handle(start().state(), new Command("help", ""));

            assertThat(text(turn)).contains("/next", "/hint", "/progress").endsWith("Why can two threads see the same list?");
        }

        @Test
        void anUnknownCommandIsNamedAndTheQuestionRepeated() {
            var turn = tutor.handle(start().state(), new Command("dance", ""));

            assertThat(text(turn)).contains("/dance", "/help").endsWith("Why can two threads see the same list?");
        }

        @Test
        void aStaleButtonChangesNothing() {
            var state = start().state();

            var turn = tutor.handle(state, new Choice("quiz:old"));

            assertThat(turn.state()).isEqualTo(state);
            assertThat(text(turn)).contains("no longer");
        }
    }

    @Test
    void aStateNamingARemovedConceptFallsBackToTheLastKnownOne() {
        var stale = new AwaitingAnswer(new Progress(List.of("threads"), Set.of()), "deleted-concept", 0);

        var turn = tutor.handle(stale, new Command("next", ""));

        assertThat(((AwaitingAnswer) turn.state()).conceptId()).isEqualTo("locks");
    }

    @Test
    void aFinishedLearnerCarriesOnWhenConceptsAreAdded() {
        var finished = new Finished(new Progress(List.of("threads"), Set.of()));

        var turn = tutor.handle(finished, new Command("next", ""));

        assertThat(((AwaitingAnswer) turn.state()).conceptId()).isEqualTo("locks");
    }

    @Test
    void everyReplyEndsByAskingSomething() {
        var state = start().state();
        for (var input : List.<Input>of(new Text("wrong"), new Command("next", ""), new Command("hint", ""),
                new Command("help", ""), new Command("nope", ""), new Text(""))) {
            var turn = tutor.handle(state, input);
            assertThat(last(turn).plainText().strip()).as("reply to %s", input).endsWith("?");
        }
    }
}
