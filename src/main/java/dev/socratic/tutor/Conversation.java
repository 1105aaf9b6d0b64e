package dev.socratic.tutor;

import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.Question;
import dev.socratic.review.FsrsScheduler;
import dev.socratic.review.ReviewOutcome;
import dev.socratic.tutor.Event.Type;
import dev.socratic.tutor.Input.Choice;
import dev.socratic.tutor.Input.Command;
import dev.socratic.tutor.Input.Text;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerStore.Versioned;
import dev.socratic.tutor.Outbound.Message;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One learner turn, whole: the lesson flow of {@link Tutor}, plus the review side — {@code /quiz} and
 * quiz answers, {@code /summary}, {@code /settings}, and the rating of a concept's card when its check
 * is passed or revealed. An open quiz sits beside the pending check and never replaces it.
 */
public final class Conversation {

    private final Curriculum curriculum;
    private final Tutor tutor;
    private final Messages messages;
    private final FsrsScheduler scheduler;
    private final SummaryReport summaries;
    private final Clock clock;
    private final Lessons lessons;
    private final Quizzes quizzes;
    private final SummarySettings settings;

    public Conversation(Curriculum curriculum, Tutor tutor, Grader grader, Messages messages, FsrsScheduler scheduler,
                        SummaryReport summaries, Clock clock) {
        this.curriculum = curriculum;
        this.tutor = tutor;
        this.messages = messages;
        this.scheduler = scheduler;
        this.summaries = summaries;
        this.clock = clock;
        this.lessons = new Lessons(curriculum, messages);
        this.quizzes = new Quizzes(curriculum, grader, messages, lessons, scheduler, tutor.runs()::offered);
        this.settings = new SummarySettings(messages);
    }

    /** The same conversation for one turn, with that turn's tutor (whose voice knows the recent lines). */
    private Conversation(Conversation conversation, Tutor tutor) {
        this.curriculum = conversation.curriculum;
        this.tutor = tutor;
        this.messages = conversation.messages;
        this.scheduler = conversation.scheduler;
        this.summaries = conversation.summaries;
        this.clock = conversation.clock;
        this.lessons = conversation.lessons;
        this.quizzes = conversation.quizzes;
        this.settings = conversation.settings;
    }

    public Turn handle(Inbound inbound, Versioned stored) {
        return handle(inbound, stored, List.of());
    }

    /** How many recent lines of the learner's a turn should be given; 0 without a voice. */
    public int recentLinesWanted() {
        return tutor.recentLinesWanted();
    }

    /** As {@link #handle(Inbound, Versioned)}, with the learner's recent lines for the voice's prompts. */
    public Turn handle(Inbound inbound, Versioned stored, List<Transcript.Line> recent) {
        var turnTutor = tutor.forTurn(recent);
        return (turnTutor == tutor ? this : new Conversation(this, turnTutor)).decide(inbound, stored);
    }

    private Turn decide(Inbound inbound, Versioned stored) {
        var now = clock.instant();
        var state = stored.state();
        var recall = quizzes.valid(stored.recall());
        var quiz = recall.quiz();
        return switch (inbound.input()) {
            case Command command -> command(inbound.learnerId(), state, recall, command, now);
            case Text text -> quiz.isPresent() ? quizzes.answer(state, recall, quiz.get(), text.text(), now)
                    : lesson(state, recall, text, now);
            case Choice choice -> choice(state, recall, choice, now);
        };
    }

    private Turn command(long learnerId, LearnerState state, Recall recall, Command command, Instant now) {
        var quiz = recall.quiz();
        if (quiz.isEmpty()) {
            return switch (command.name()) {
                case "quiz" -> quiz(state, recall, now);
                // the quiz item answered last, when it is newer than the lesson's answer
                case "run" -> recall.lastRun().flatMap(data -> quizItemToRun(state, data))
                        .map(question -> quizOutput(state, recall, question))
                        .orElseGet(() -> lesson(state, recall, command, now));
                case "summary" -> summary(learnerId, state, recall, now);
                case "settings" -> settings(state, recall, command.args(), now);
                default -> lesson(state, recall, command, now);
            };
        }
        var open = quiz.get();
        return switch (command.name()) {
            case "quiz" -> reply(state, recall, quizzes.ask(state, open, messages.get("quiz.already.open")));
            case "hint" -> quizzes.hint(state, recall, open, now);
            // the item's Run button comes with its answer: running it now could print that answer
            case "run" -> reply(state, recall, quizzes.ask(state, open, messages.get("run.quiz.open")));
            case "next" -> then(quizzes.setAside(state, recall, open), recall.withoutQuiz(), command, now);
            case "start" -> reply(state, recall, quizzes.ask(state, open, messages.get("welcome.back.quiz")));
            case "summary" -> summary(learnerId, state, recall, now);
            case "settings" -> settings(state, recall, command.args(), now);
            case "progress", "map" -> {
                var report = lesson(state, recall, command, now);
                var out = new ArrayList<>(report.messages());
                out.add(quizzes.ask(state, open, messages.get("quiz.open.reminder")));
                yield new Turn(report.state(), out, report.events(), report.recall());
            }
            case "help" -> reply(state, recall, withOpen(state, recall, messages.get("help")));
            default -> reply(state, recall, withOpen(state, recall, messages.get("unknown.command", command.name())));
        };
    }

    private Turn choice(LearnerState state, Recall recall, Choice choice, Instant now) {
        var data = choice.data();
        if (data.startsWith(Quizzes.ANSWER_PREFIX)) {
            return quizzes.press(state, recall, data, now)
                    .orElseGet(() -> reply(state, recall, withOpen(state, recall, messages.get("quiz.stale"))));
        }
        if (data.startsWith(SummaryReport.RECALL_PREFIX)) {
            return recallQuestion(state, recall, data);
        }
        if (data.startsWith(Quizzes.RUN_PREFIX)) {
            return runQuizItem(state, recall, data);
        }
        if (recall.quiz().isPresent()) {
            // an older message's Ready button: a typed /next sets the quiz aside, a stray tap does not
            return reply(state, recall, quizzes.ask(state, recall.quiz().get(), messages.get("quiz.finish.first")));
        }
        return lesson(state, recall, choice, now);
    }

    private Turn quiz(LearnerState state, Recall recall, Instant now) {
        var covered = quizzes.covered(state);
        if (covered.isEmpty()) {
            return reply(state, recall, state instanceof NotStarted
                    ? lessons.text(messages.get("quiz.nothing.covered"))
                    : tutor.withPending(state, messages.get("quiz.nothing.covered.yet")));
        }
        return quizzes.start(state, recall, covered, now);
    }

    /** A recall question tapped in a summary: that question, if its concept is still covered and no quiz is open. */
    private Turn recallQuestion(LearnerState state, Recall recall, String data) {
        if (recall.quiz().isPresent()) {
            return reply(state, recall, quizzes.ask(state, recall.quiz().get(), messages.get("quiz.finish.first")));
        }
        return coveredItem(state, data.substring(SummaryReport.RECALL_PREFIX.length()))
                .map(item -> quizzes.begin(state, recall, item.concept(), item.index()))
                .orElseGet(() -> reply(state, recall, withOpen(state, recall, messages.get("stale.button"))));
    }

    /**
     * A finished quiz item's Run button: its code's real output, then whatever is open. Only for an
     * item of a covered concept, and never while a quiz is open (its answer might be the output).
     */
    private Turn runQuizItem(LearnerState state, Recall recall, String data) {
        var question = quizItemToRun(state, data);
        if (question.isEmpty() || recall.quiz().isPresent()) {
            return reply(state, recall, withOpen(state, recall, messages.get("stale.button")));
        }
        return quizOutput(state, recall, question.get());
    }

    /** The quiz item a Run button's data names, if its concept is covered and its code can run. */
    private Optional<Question> quizItemToRun(LearnerState state, String data) {
        return coveredItem(state, data.substring(Quizzes.RUN_PREFIX.length()))
                .flatMap(item -> QuizItems.item(item.concept(), item.index()))
                .filter(tutor.runs()::offered);
    }

    /** A quiz item named in button data as {@code <item>:<concept id>}, if the concept is covered and has it. */
    private Optional<ItemOf> coveredItem(LearnerState state, String itemAndConcept) {
        var parts = itemAndConcept.split(":", 2);
        if (parts.length != 2 || !parts[0].matches("\\d{1,3}") || !quizzes.covered(state).contains(parts[1])) {
            return Optional.empty();
        }
        var item = new ItemOf(curriculum.require(parts[1]), Integer.parseInt(parts[0]));
        return QuizItems.item(item.concept(), item.index()).isPresent() ? Optional.of(item) : Optional.empty();
    }

    private record ItemOf(Concept concept, int index) {
    }

    private Turn quizOutput(LearnerState state, Recall recall, Question question) {
        var out = List.<Outbound>of(tutor.runs().quizOutput(question), quizzes.afterQuiz(state));
        return new Turn(state, out, List.of(), Optional.of(recall));
    }

    private Turn summary(long learnerId, LearnerState state, Recall recall, Instant now) {
        if (quizzes.covered(state).isEmpty()) {
            return reply(state, recall, state instanceof NotStarted
                    ? lessons.text(messages.get("summary.nothing"))
                    : tutor.withPending(state, messages.get("summary.nothing.yet")));
        }
        var out = new ArrayList<Outbound>();
        out.add(summaries.weekly(learnerId, state, recall, now, now));
        recall.quiz().ifPresent(open -> out.add(quizzes.ask(state, open, messages.get("quiz.open.reminder"))));
        return new Turn(state, out, List.of(), Optional.of(recall));
    }

    private Turn settings(LearnerState state, Recall recall, String args, Instant now) {
        var change = settings.apply(recall.schedule(), args);
        var paragraphs = new ArrayList<String>();
        change.problem().ifPresent(paragraphs::add);
        var changed = !change.schedule().equals(recall.schedule());
        if (changed) {
            paragraphs.add(messages.get("settings.saved"));
        }
        paragraphs.addAll(settings.describe(change.schedule(), now));
        var after = recall.withSchedule(change.schedule());
        var message = withOpen(state, after, String.join("\n\n", paragraphs));
        var schedule = change.schedule();
        List<Event> events = changed ? List.of(new Event(Type.SETTINGS_CHANGED, "", "%s %s %02d:00 %s".formatted(
                schedule.zone().getId(), schedule.day(), schedule.hour(), schedule.enabled() ? "on" : "off")))
                : List.of();
        return new Turn(state, List.of(message), events, Optional.of(after));
    }

    /**
     * The lesson flow's turn, with the concept's card rated when its check was passed (Good, or Hard
     * after hints) or its answer revealed (Again: due again tomorrow), and the concepts a correct
     * answer built on credited.
     */
    private Turn lesson(LearnerState state, Recall recall, Input input, Instant now) {
        // /progress and /map mark what the review cards say is due, as /quiz would pick it
        var due = Set.copyOf(recall.deck().due(state.progress().done(), now));
        var turn = tutor.decide(state, input, due);
        var deck = recall.deck();
        var events = new ArrayList<>(turn.events());
        for (var event : turn.events()) {
            boolean passed = event.type() == Type.ANSWER_GRADED && Verdict.Grade.CORRECT.name().equals(event.detail());
            if (!passed && event.type() != Type.ANSWER_REVEALED) {
                continue;
            }
            var conceptId = event.conceptId();
            int hints = state instanceof AwaitingAnswer awaiting && awaiting.conceptId().equals(conceptId)
                    ? awaiting.hintsUsed() : 0;
            var rating = new ReviewOutcome(passed, hints, 0, true).rating();
            deck = deck.rate(conceptId, rating, now, scheduler);
            events.add(new Event(Type.CARD_RATED, conceptId, rating.name()));
            if (passed) {
                var credited = deck.credit(curriculum.require(conceptId).requires(), now, scheduler);
                deck = credited.deck();
                credited.conceptIds().forEach(id -> events.add(Event.of(Type.CARD_CREDITED, id)));
            }
        }
        // a lesson answer is newer than any quiz item: /run means the lesson's code again
        boolean answered = turn.events().stream()
                .anyMatch(e -> e.type() == Type.ANSWER_GRADED || e.type() == Type.ANSWER_REVEALED);
        var after = recall.withDeck(deck);
        return new Turn(turn.state(), turn.messages(), events,
                Optional.of(answered ? after.withLastRun(Optional.empty()) : after));
    }

    /** {@code first}'s messages and events, then the lesson flow's answer to {@code input}. */
    private Turn then(Turn first, Recall recall, Input input, Instant now) {
        var next = lesson(first.state(), recall, input, now);
        var out = new ArrayList<>(first.messages());
        out.addAll(next.messages());
        var events = new ArrayList<>(first.events());
        events.addAll(next.events());
        return new Turn(next.state(), out, events, next.recall());
    }

    /** A reply that also asks again what is open: the quiz question if there is one, else the lesson's. */
    private Message withOpen(LearnerState state, Recall recall, String text) {
        if (recall.quiz().isPresent()) {
            return quizzes.ask(state, recall.quiz().get(), text, messages.get("quiz.open.reminder"));
        }
        return tutor.withPending(state, text);
    }

    private static Turn reply(LearnerState state, Recall recall, Message message) {
        return new Turn(state, List.of(message), List.of(), Optional.of(recall));
    }
}
