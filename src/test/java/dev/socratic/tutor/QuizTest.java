package dev.socratic.tutor;

import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Question;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.review.Card;
import dev.socratic.review.Deck;
import dev.socratic.review.Rating;
import dev.socratic.tutor.Event.Type;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;
import dev.socratic.tutor.Outbound.Button;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Message;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.socratic.tutor.Learner.last;
import static dev.socratic.tutor.Learner.text;
import static dev.socratic.tutor.Learner.types;
import static org.assertj.core.api.Assertions.assertThat;

class QuizTest {

    private final Learner learner = new Learner();

    private static Card cardDue(Instant due, Instant reviewed, int reviews) {
        return new Card(3.0, 5.0, due, reviewed, reviews, 0);
    }

    /** A learner who has covered every fixture concept and waits to move on, with these cards. */
    private Learner coveredAll(Map<String, Card> cards) {
        learner.state = new ReadyToAdvance(new Progress(List.of("threads", "locks", "pools"), Set.of()), "pools");
        learner.recall = new Recall(new Deck(cards), Optional.empty(), 0, Recall.EMPTY.schedule());
        return learner;
    }

    private String askedConcept(Turn turn) {
        return turn.events().stream().filter(e -> e.type() == Type.QUIZ_ASKED).findFirst().orElseThrow().conceptId();
    }

    private Card card(String conceptId) {
        return learner.recall.deck().card(conceptId).orElseThrow();
    }

    @Nested
    class DueForReview {

        @Test
        void progressAndTheMapShowWhatTheReviewCardsSayIsDue() {
            learner.coveringThreads();
            learner.say("/next");
            var dueReview = learner.messages.get("progress.review", "Threads");
            assertThat(text(learner.say("/progress"))).doesNotContain(dueReview);

            learner.clock.advance(Duration.between(learner.clock.instant(), card("threads").due()).plusHours(1));

            assertThat(text(learner.say("/progress"))).contains(dueReview);
            assertThat(text(learner.say("/map basics"))).contains(learner.messages.get("map.mark.review") + " Threads");
        }
    }

    @Nested
    class WhatIsAsked {

        @Test
        void withNothingCoveredTheLearnerIsToldSoAndOfferedStart() {
            var turn = learner.say("/quiz");

            assertThat(text(turn)).contains("nothing to quiz you on", "/start");
            assertThat(turn.state()).isEqualTo(new NotStarted());
            assertThat(learner.recall.quiz()).isEmpty();
        }

        @Test
        void beforeTheFirstConceptIsCoveredTheOpenQuestionIsAskedAgain() {
            learner.say("/start");

            var turn = learner.say("/quiz");

            assertThat(text(turn)).contains("haven't finished one yet").endsWith("Why can two threads see the same list?");
            assertThat(learner.recall.quiz()).isEmpty();
        }

        @Test
        void theMostOverdueCoveredConceptComesFirst() {
            var now = learner.clock.instant();
            coveredAll(Map.of(
                    "threads", cardDue(now.plus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), 1),
                    "locks", cardDue(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(4)), 1),
                    "pools", cardDue(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(6)), 1)));

            assertThat(askedConcept(learner.say("/quiz"))).isEqualTo("pools");
        }

        @Test
        void withNothingDueTheWeakestComes() {
            var now = learner.clock.instant();
            coveredAll(Map.of(
                    "threads", new Card(30.0, 5.0, now.plus(Duration.ofDays(20)), now.minus(Duration.ofDays(5)), 2, 0),
                    "locks", new Card(4.0, 5.0, now.plus(Duration.ofDays(1)), now.minus(Duration.ofDays(3)), 2, 0),
                    "pools", new Card(12.0, 5.0, now.plus(Duration.ofDays(8)), now.minus(Duration.ofDays(4)), 2, 0)));

            assertThat(askedConcept(learner.say("/quiz"))).isEqualTo("locks");
        }

        @Test
        void eachReviewOfAConceptAsksItsNextQuizItem() {
            var now = learner.clock.instant();
            var past = now.minus(Duration.ofDays(9));
            coveredAll(Map.of(
                    "threads", cardDue(now.plus(Duration.ofDays(9)), past, 1),
                    "pools", cardDue(now.plus(Duration.ofDays(9)), past, 1),
                    "locks", cardDue(now.minus(Duration.ofDays(1)), past, 2)));

            var turn = learner.say("/quiz");

            // locks was reviewed twice (its check and one quiz), so its second quiz item comes up: spot-the-bug
            assertThat(text(turn)).contains("Spot the bug.", "Two threads call add() at once");
            assertThat(learner.recall.quiz().orElseThrow().item()).isEqualTo(1);
        }

        @Test
        void aSecondQuizWhileOneIsOpenAsksTheOpenOneAgain() {
            learner.coveringThreads();
            learner.say("/quiz");
            var open = learner.recall.quiz();

            var turn = learner.say("/quiz");

            assertThat(text(turn)).contains("open already", "Do threads share memory?");
            assertThat(learner.recall.quiz()).isEqualTo(open);
            assertThat(types(turn)).doesNotContain(Type.QUIZ_ASKED);
        }
    }

    @Nested
    class Formats {

        @Test
        void multipleChoiceHasAButtonPerOptionCarryingTheQuizNumber() {
            learner.coveringThreads();

            var turn = learner.say("/quiz");

            var quiz = last(turn);
            assertThat(quiz.buttons()).extracting(Button::label).containsExactly("yes", "no");
            assertThat(quiz.buttons()).extracting(Button::data).containsExactly("quiz:1:0", "quiz:1:1");
            assertThat(quiz.plainText()).contains("Quiz: Threads", "Do threads share memory?", "A) yes", "B) no");
        }

        @Test
        void pressingTheRightOptionRatesTheCardGoodAndSaysWhenItComesBack() {
            learner.coveringThreads();
            learner.clock.advance(Duration.ofDays(3));
            var before = card("threads");
            learner.say("/quiz");

            var turn = learner.press("quiz:1:0");

            assertThat(text(turn)).contains("that's it", "I'll ask about \"Threads\" again in");
            assertThat(card("threads")).isEqualTo(learner.fsrs.review(before, Rating.GOOD, learner.clock.instant()));
            assertThat(learner.recall.quiz()).isEmpty();
            assertThat(turn.events()).contains(new Event(Type.QUIZ_FINISHED, "threads", "GOOD"),
                    new Event(Type.CARD_RATED, "threads", "GOOD"));
            assertThat(last(turn).buttons()).extracting(Button::data).containsExactly("next");
        }

        @Test
        void longOptionsAreReadInTheTextAndTheirButtonsCarryLetters() {
            coveredAll(Map.of());

            var quiz = last(learner.press("recall:2:pools"));

            assertThat(quiz.buttons()).extracting(Button::label).containsExactly("A", "B", "C");
            assertThat(quiz.plainText()).contains("• A) It waits until a connection is returned, or times out",
                    "• C) The database drops the oldest connection to make room");
            assertThat(text(learner.press("quiz:1:0"))).contains("that's it");
        }

        @Test
        void anOptionCanAlsoBeTypedByItsLetterOrText() {
            learner.coveringThreads();
            learner.say("/quiz");
            assertThat(text(learner.say("A"))).contains("that's it");

            learner.say("/quiz");
            assertThat(text(learner.say("Yes"))).contains("that's it");
        }

        @Test
        void somethingThatIsNoOptionIsNotCountedAsAnAttempt() {
            learner.coveringThreads();
            learner.say("/quiz");

            var turn = learner.say("maybe");

            assertThat(text(turn)).contains("Pick one of the options", "A to B");
            assertThat(learner.recall.quiz().orElseThrow().attempts()).isZero();
        }

        @Test
        void predictOutputShowsTheCodeAndWantsTheExactOutput() {
            coveredAll(Map.of());

            var question = learner.press("recall:0:locks");

            var blocks = last(question).blocks();
            assertThat(blocks).filteredOn(Code.class::isInstance).singleElement()
                    .satisfies(code -> assertThat(((Code) code).text()).contains("lock.acquire(blocking=False)"));
            assertThat(last(question).plainText()).contains("Predict the output.").endsWith("What does this print?");
            assertThat(text(learner.say("True True"))).contains("Hint 1 of 1: Can a plain Lock be taken twice?");
            assertThat(text(learner.say("True   False"))).contains("that's it");
        }

        @Test
        void anAnsweredPredictOutputItemCanBeRunAndTheButtonIsStaleDuringTheNextQuiz() {
            var ran = new ArrayList<String>();
            var runner = (CodeRunner) (code, tests) -> {
                ran.add(code);
                return new RunResult.Passed("True\nFalse\n", 0);
            };
            var withRunner = new Learner(new KeyPointGrader(), runner);
            withRunner.state = new ReadyToAdvance(new Progress(List.of("threads", "locks", "pools"), Set.of()), "pools");
            withRunner.press("recall:0:locks");
            assertThat(withRunner.say("True True").messages()).allSatisfy(m ->
                    assertThat(((Message) m).buttons()).extracting(Button::data).doesNotContain("quizrun:0:locks"));
            assertThat(text(withRunner.say("/run"))).contains(withRunner.messages.get("run.quiz.open"));
            assertThat(ran).isEmpty();

            var finished = withRunner.say("True   False");
            var run = ((Message) finished.messages().getFirst()).buttons();
            assertThat(run).extracting(Button::data).containsExactly("quizrun:0:locks");
            assertThat(ran).isEmpty();

            var output = withRunner.press("quizrun:0:locks");
            assertThat(text(output)).contains("True\nFalse", withRunner.messages.get("run.match.quiz"));
            assertThat(ran).hasSize(1);
            // typed, /run means the quiz item just answered, not the lesson's older question
            assertThat(text(withRunner.say("/run"))).contains("True\nFalse", withRunner.messages.get("run.match.quiz"));
            assertThat(ran).hasSize(2).last().isEqualTo(QuizItems.item(withRunner.curriculum.require("locks"), 0).orElseThrow().code());

            withRunner.say("/quiz");
            assertThat(text(withRunner.press("quizrun:0:locks"))).contains(withRunner.messages.get("stale.button"));
            assertThat(ran).hasSize(2);
        }

        @Test
        void spotTheBugGivesHintsMildestFirstAndANeededHintMakesItHard() {
            coveredAll(Map.of());
            learner.press("recall:1:locks");

            var wrong = learner.say("the function name is bad");
            var right = learner.say("count += 1 is not atomic, so an update can be lost");

            assertThat(text(wrong)).contains("Hint 1 of 2: How many steps does count += 1 take?")
                    .doesNotContain("take a lock around it");
            assertThat(text(right)).contains("that's it", "take a lock around it");
            assertThat(right.events()).contains(new Event(Type.CARD_RATED, "locks", "HARD"));
        }

        @Test
        void aTradeoffAnsweredFromMemoryAtOnceIsEasy() {
            coveredAll(Map.of());
            learner.press("recall:1:pools");

            var turn = learner.say("A small one: each connection costs database memory, and clients wait for a free one.");

            assertThat(text(turn)).contains("that's it");
            assertThat(turn.events()).contains(new Event(Type.CARD_RATED, "pools", "EASY"));
            assertThat(card("pools")).isEqualTo(learner.fsrs.first(Rating.EASY, learner.clock.instant()));
        }

        @Test
        void explainBackIsGradedOnItsKeyPoints() {
            coveredAll(Map.of());
            var question = learner.press("recall:0:pools");

            assertThat(text(learner.say("соединения используются повторно"))).contains(learner.messages.get("answer.english"));
            assertThat(learner.recall.quiz().orElseThrow().hintsUsed()).isZero();
            var partial = learner.say("connections are reused");

            assertThat(last(question).plainText()).contains("Explain it back").endsWith("Why does a pool make requests faster?");
            assertThat(text(partial)).contains("right track");
            assertThat(text(learner.say("connections are reused so a request can skip the handshake"))).contains("that's it");
        }

        @Test
        void anExplanationBuiltUpOverTwoMessagesIsGradedAsAWhole() {
            coveredAll(Map.of());
            learner.press("recall:0:pools");

            assertThat(text(learner.say("connections are reused"))).contains("right track");
            assertThat(learner.recall.quiz().orElseThrow().sofar()).isEqualTo("connections are reused");

            assertThat(text(learner.say("a request can skip the handshake"))).contains("that's it");
        }

        @Test
        void writeCodeIsGradedThroughTheGraderPort() {
            var asked = new ArrayList<Question>();
            var learnerWithGrader = new Learner((question, answer) -> {
                asked.add(question);
                return answer.contains("with lock") ? Verdict.correct() : new Verdict(Verdict.Grade.INCORRECT, List.of());
            });
            learnerWithGrader.state = new ReadyToAdvance(new Progress(List.of("threads", "locks"), Set.of()), "locks");

            learnerWithGrader.press("recall:2:locks");
            var turn = learnerWithGrader.say("def add():\n    global count\n    with lock:\n        count += 1");

            assertThat(asked).extracting(Question::kind).containsExactly(CheckKind.WRITE_CODE);
            assertThat(text(turn)).contains("that's it");
            assertThat(last(learnerWithGrader.say("/quiz")).plainText()).contains("Quiz:");
        }

        @Test
        void whatTheGraderFoundWhenRunningTheCodeOpensTheReplyInPlaceOfNotQuite() {
            var failedCheck = List.<Outbound.Block>of(new Outbound.Paragraph("I ran your code. It runs, but the first check fails:"),
                    new Code("assert count == 2"));
            var learnerWithGrader = new Learner((question, answer) ->
                    new Verdict(Verdict.Grade.INCORRECT, List.of(), failedCheck));
            learnerWithGrader.state = new ReadyToAdvance(new Progress(List.of("threads", "locks"), Set.of()), "locks");
            learnerWithGrader.press("recall:2:locks");

            var reply = (Message) learnerWithGrader.say("def add():\n    count += 1").messages().getFirst();

            assertThat(reply.blocks().subList(0, 2)).isEqualTo(failedCheck);
            assertThat(reply.plainText()).doesNotContain(learnerWithGrader.messages.get("incorrect")).contains("Hint 1 of");
        }

        @Test
        void aRememberedQuizItemThatNoLongerExistsLeavesRunToTheLesson() {
            learner.coveringThreads();
            learner.recall = learner.recall.withLastRun(Optional.of("quizrun:0:ghost"));

            var reply = text(learner.say("/run"));

            assertThat(reply).doesNotContain(learner.messages.get("stale.button"));
        }

        @Test
        void codePythonCannotReadCostsNoHint() {
            var unreadable = List.<Outbound.Block>of(new Outbound.Paragraph("Python can't read line 1 (def add()): expected ':'."));
            var learnerWithGrader = new Learner((question, answer) -> answer.contains("with lock") ? Verdict.correct()
                    : new Verdict(Verdict.Grade.INCORRECT, List.of(), unreadable, false));
            learnerWithGrader.state = new ReadyToAdvance(new Progress(List.of("threads", "locks"), Set.of()), "locks");
            learnerWithGrader.press("recall:2:locks");

            var reply = (Message) learnerWithGrader.say("def add()").messages().getFirst();

            assertThat(reply.blocks().getFirst()).isEqualTo(unreadable.getFirst());
            assertThat(reply.plainText()).contains(learnerWithGrader.messages.get("code.fix")).doesNotContain("Hint");
            assertThat(learnerWithGrader.recall.quiz().orElseThrow().hintsUsed()).isZero();
            assertThat(text(learnerWithGrader.say("def add():\n    with lock:\n        pass"))).contains("that's it");
        }
    }

    @Nested
    class Socratic {

        @Test
        void aWrongAnswerGetsAHintAndTheAnswerOnlyAfterTheHintsRunOut() {
            learner.coveringThreads();
            learner.say("/quiz");

            var first = learner.say("no");
            var second = learner.press("quiz:1:1");

            assertThat(text(first)).contains("Hint 1 of 1").doesNotContain("Here is the answer");
            assertThat(learner.recall.quiz()).isEmpty();
            assertThat(text(second)).contains("Here is the answer", "yes", "comes back tomorrow");
            assertThat(card("threads").due()).isEqualTo(learner.clock.instant().plus(Duration.ofDays(1)));
            assertThat(second.events()).contains(new Event(Type.CARD_RATED, "threads", "AGAIN"));
        }

        @Test
        void hintsComeOnRequestButTheAnswerNeverBeforeAnAttempt() {
            learner.coveringThreads();
            learner.say("/quiz");

            var hint = learner.say("/hint");
            var noAnswerYet = learner.say("/hint");
            var afterTrying = learner.say("/hint");

            assertThat(text(hint)).contains("Hint 1 of 1");
            assertThat(text(noAnswerYet)).contains("Have a go first").doesNotContain("Here is the answer");
            assertThat(text(afterTrying)).contains("Have a go first");
            learner.say("no");
            assertThat(learner.recall.quiz()).isEmpty();
            assertThat(learner.history).extracting(Learner.Logged::event)
                    .contains(new Event(Type.QUIZ_FINISHED, "threads", "AGAIN"));
        }

        @Test
        void aRevealedConceptIsNoLongerFlaggedOnceReviewed() {
            learner.say("/start");
            learner.say("/hint");
            learner.say("/hint");
            learner.say("/hint");
            assertThat(learner.state.progress().revealed()).containsExactly("threads");
            learner.clock.advance(Duration.ofDays(1));

            learner.say("/quiz");
            learner.say("yes");

            assertThat(learner.state.progress().revealed()).isEmpty();
        }
    }

    @Nested
    class APendingCheck {

        private AwaitingAnswer onLocksWithAHint() {
            learner.coveringThreads();
            learner.say("/next");
            learner.say("/hint");
            return (AwaitingAnswer) learner.state;
        }

        @Test
        void isNamedWhenAQuizStartsAndStaysPending() {
            var pending = onLocksWithAHint();

            var turn = learner.say("/quiz");

            assertThat(text(turn)).contains("Your question on \"Locks\" is still open");
            assertThat(learner.state).isEqualTo(pending);
        }

        @Test
        void isAskedAgainWhenTheQuizEnds() {
            var pending = onLocksWithAHint();
            learner.say("/quiz");

            var turn = learner.say("yes");

            assertThat(turn.messages()).hasSize(2);
            assertThat(last(turn).plainText()).contains("Back to your open question on \"Locks\"")
                    .endsWith("What does this print?");
            assertThat(learner.state).isEqualTo(pending);
        }

        @Test
        void isNotAnsweredByTextMeantForTheQuiz() {
            var pending = onLocksWithAHint();
            learner.say("/quiz");

            learner.say("True False");

            assertThat(learner.state).isEqualTo(pending);
            assertThat(learner.recall.quiz()).isPresent();
        }

        @Test
        void comesBackWhenTheQuizIsSetAsideWithNext() {
            var pending = onLocksWithAHint();
            learner.say("/quiz");
            var before = card("threads");

            var turn = learner.say("/next");

            assertThat(text(turn)).contains("Quiz set aside", "Not yet").doesNotContain("Here is the answer")
                    .endsWith("What does this print?");
            assertThat(learner.state).isEqualTo(pending);
            assertThat(learner.recall.quiz()).isEmpty();
            assertThat(card("threads")).isEqualTo(before);
            assertThat(types(turn)).contains(Type.QUIZ_SET_ASIDE, Type.ADVANCE_REFUSED);
        }

        @Test
        void otherCommandsDuringAQuizEndByAskingTheQuizAgain() {
            onLocksWithAHint();
            learner.say("/quiz");

            for (var command : List.of("/help", "/progress", "/dance", "/start", "/settings", "/summary")) {
                assertThat(last(learner.say(command)).plainText()).as(command)
                        .contains("Do threads share memory?").endsWith("Which is it? Tap your answer, or type its letter.");
            }
            assertThat(learner.recall.quiz()).isPresent();
        }

        @Test
        void theMapDuringAQuizIsDrawnAndTheQuizAskedAgain() {
            onLocksWithAHint();
            learner.say("/quiz");

            var turn = learner.say("/map");

            assertThat(text(turn)).doesNotContain("I don't know the command");
            assertThat(last(turn).plainText()).endsWith("Which is it? Tap your answer, or type its letter.");
        }
    }

    @Nested
    class StaleButtons {

        @Test
        void aPressOnAFinishedQuizsButtonChangesNothing() {
            learner.coveringThreads();
            learner.say("/quiz");
            learner.press("quiz:1:0");
            var state = learner.state;
            var recall = learner.recall;

            var turn = learner.press("quiz:1:1");

            assertThat(text(turn)).contains("earlier quiz", "changes nothing");
            assertThat(learner.state).isEqualTo(state);
            assertThat(learner.recall).isEqualTo(recall);
            assertThat(turn.events()).isEmpty();
        }

        @Test
        void aPressOnAnOlderQuizsButtonLeavesTheOpenQuizAlone() {
            learner.coveringThreads();
            learner.say("/quiz");
            learner.press("quiz:1:0");
            learner.say("/quiz");
            var open = learner.recall;

            var turn = learner.press("quiz:1:1");

            assertThat(learner.recall).isEqualTo(open);
            assertThat(open.quiz().orElseThrow().id()).isEqualTo(2);
            assertThat(last(turn).plainText()).contains("earlier quiz", "Do threads share memory?");
            assertThat(last(turn).buttons()).extracting(Button::data).containsExactly("quiz:2:0", "quiz:2:1");
        }

        @Test
        void malformedButtonDataIsTreatedAsStale() {
            learner.coveringThreads();
            learner.say("/quiz");
            var open = learner.recall;

            for (var data : List.of("quiz:x:y", "quiz:1", "quiz:1:9", "recall:0:nope", "recall:x", "whatever")) {
                var turn = learner.press(data);
                assertThat(learner.recall).as(data).isEqualTo(open);
                assertThat(turn.events()).as(data).isEmpty();
            }
        }

        @Test
        void anOldReadyButtonDoesNotDropAnOpenQuiz() {
            learner.coveringThreads();
            learner.say("/quiz");

            var turn = learner.press("next");

            assertThat(learner.recall.quiz()).isPresent();
            assertThat(learner.state).isInstanceOf(ReadyToAdvance.class);
            assertThat(text(turn)).contains("finish the open quiz question first");
        }

        @Test
        void aRecallButtonForAConceptNotCoveredChangesNothing() {
            learner.coveringThreads();

            var turn = learner.press("recall:0:pools");

            assertThat(learner.recall.quiz()).isEmpty();
            assertThat(text(turn)).contains("no longer does anything");
        }
    }
}
