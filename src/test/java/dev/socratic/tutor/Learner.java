package dev.socratic.tutor;

import dev.socratic.Fixtures;
import dev.socratic.MutableClock;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.review.FsrsScheduler;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerStore.Versioned;
import dev.socratic.tutor.Outbound.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One learner talking to a {@link Conversation}, with the store played in memory: each turn's state,
 * review side and events are kept as a real store would keep them.
 */
final class Learner implements EventLog {

    static final long ID = 7;
    /** A Monday morning. */
    static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    final Curriculum curriculum = Fixtures.curriculum();
    final MutableClock clock = new MutableClock(START);
    final FsrsScheduler fsrs = new FsrsScheduler();
    final Messages messages = Messages.load();
    final Conversation conversation;
    final List<Logged> history = new ArrayList<>();
    LearnerState state = new NotStarted();
    Recall recall = Recall.EMPTY;

    Learner() {
        this(new KeyPointGrader());
    }

    Learner(Grader grader) {
        this(grader, CodeRunner.NONE);
    }

    Learner(Grader grader, CodeRunner runner) {
        conversation = new Conversation(curriculum, new Tutor(curriculum, grader, messages, runner), grader, messages,
                fsrs, new SummaryReport(curriculum, messages, fsrs, this), clock);
    }

    Turn send(Input input) {
        var turn = conversation.handle(new Inbound(ID, ID, null, input), new Versioned(state, 3, recall));
        state = turn.state();
        recall = turn.recall().orElse(recall);
        turn.events().forEach(event -> history.add(new Logged(clock.instant(), event)));
        return turn;
    }

    Turn say(String line) {
        return send(Input.parse(line));
    }

    Turn press(String data) {
        return send(new Input.Choice(data));
    }

    /** /start, then the model answer to the first check. */
    Learner coveringThreads() {
        say("/start");
        say(curriculum.require("threads").check().answer());
        return this;
    }

    /** The model answer of the open quiz question, which is always right. */
    Turn answerTheQuiz() {
        var quiz = recall.quiz().orElseThrow();
        var concept = curriculum.require(quiz.conceptId());
        return say(QuizItems.item(concept, quiz.item()).orElseThrow().answer());
    }

    String answerOf(String conceptId) {
        return curriculum.require(conceptId).check().answer();
    }

    @Override
    public List<Logged> since(long learnerId, Instant from) {
        return history.stream().filter(e -> learnerId == ID && !e.at().isBefore(from)).toList();
    }

    static String text(Turn turn) {
        return String.join("\n---\n", turn.messages().stream().map(m -> ((Message) m).plainText()).toList());
    }

    static Message last(Turn turn) {
        return (Message) turn.messages().getLast();
    }

    static List<Event.Type> types(Turn turn) {
        return turn.events().stream().map(Event::type).toList();
    }
}
