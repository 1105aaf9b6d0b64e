package dev.socratic.tutor;

import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.Question;
import dev.socratic.review.FsrsScheduler;
import dev.socratic.review.ReviewOutcome;
import dev.socratic.tutor.Event.Type;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.Finished;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;
import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Button;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Heading;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Verdict.Grade;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One quiz question from start to finish, by the same Socratic rules as a check: a wrong answer gets
 * a hint, the answer is shown only after the learner has tried and the hints are used up, and the
 * outcome rates the concept's card.
 */
final class Quizzes {

    /** Button data of a multiple-choice option: {@code quiz:<quiz id>:<option index>}. */
    static final String ANSWER_PREFIX = "quiz:";
    /** A finished quiz item's Run button: {@code quizrun:<item>:<concept id>}. */
    static final String RUN_PREFIX = "quizrun:";
    private static final int MAX_LABEL = 40;

    private final Curriculum curriculum;
    private final Grader grader;
    private final Messages messages;
    private final Lessons lessons;
    private final FsrsScheduler scheduler;

    private final Predicate<Question> canRun;

    Quizzes(Curriculum curriculum, Grader grader, Messages messages, Lessons lessons, FsrsScheduler scheduler,
            Predicate<Question> canRun) {
        this.canRun = canRun;
        this.curriculum = curriculum;
        this.grader = grader;
        this.messages = messages;
        this.lessons = lessons;
        this.scheduler = scheduler;
    }

    /** The recall with its open quiz dropped when the curriculum no longer has that question. */
    Recall valid(Recall recall) {
        return recall.quiz().isPresent() && question(recall.quiz().get()).isEmpty() ? recall.withoutQuiz() : recall;
    }

    /** Covered concepts that still exist, in the order they were covered. */
    List<String> covered(LearnerState state) {
        return state.progress().done().stream().filter(id -> curriculum.concept(id).isPresent()).toList();
    }

    /** A new quiz on the concept the schedule picks; {@code covered} must not be empty. */
    Turn start(LearnerState state, Recall recall, List<String> covered, Instant now) {
        var conceptId = recall.deck().pick(covered, now, scheduler).orElseThrow();
        var concept = curriculum.require(conceptId);
        return begin(state, recall, concept, QuizItems.next(concept, recall.deck().card(conceptId)));
    }

    Turn begin(LearnerState state, Recall recall, Concept concept, int item) {
        var quiz = new OpenQuiz(recall.quizzesAsked() + 1, concept.id(), item, 0, 0);
        return new Turn(state, List.of(ask(state, quiz)),
                List.of(new Event(Type.QUIZ_ASKED, concept.id(), "quiz " + quiz.id() + " item " + item)),
                Optional.of(recall.asking(quiz)));
    }

    /** Any lead sentences, then the quiz question; it reminds the learner of a pending check. */
    Message ask(LearnerState state, OpenQuiz quiz, String... lead) {
        var concept = curriculum.require(quiz.conceptId());
        var question = question(quiz).orElseThrow();
        var blocks = new ArrayList<Block>();
        for (var sentence : lead) {
            blocks.add(new Paragraph(sentence));
        }
        blocks.add(new Heading(messages.get("quiz.title", concept.title())));
        pendingCheck(state).ifPresent(pending -> blocks.add(new Paragraph(messages.get("quiz.pending", pending.title()))));
        blocks.add(new Paragraph(messages.get("quiz.kind." + question.kind().yamlName())));
        blocks.addAll(lessons.question(question));
        if (!QuizItems.isChoice(question)) {
            return new Message(blocks, List.of());
        }
        var options = new ArrayList<String>();
        var buttons = new ArrayList<Button>();
        var choices = question.choices();
        boolean longOptions = choices.stream().anyMatch(choice -> choice.length() > MAX_LABEL / 2);
        for (int i = 0; i < choices.size(); i++) {
            var letter = QuizItems.letter(i);
            options.add("• " + letter + ") " + choices.get(i));
            // long options are read in the text; their buttons carry only the letter
            buttons.add(new Button(longOptions ? letter : choices.get(i), ANSWER_PREFIX + quiz.id() + ":" + i));
        }
        blocks.add(new Paragraph(String.join("\n", options)));
        blocks.add(new Paragraph(messages.get("quiz.choose")));
        return new Message(blocks, buttons);
    }

    Turn answer(LearnerState state, Recall recall, OpenQuiz quiz, String text, Instant now) {
        var question = question(quiz).orElseThrow();
        var answer = text.length() > Tutor.MAX_ANSWER_CHARS ? text.substring(0, Tutor.MAX_ANSWER_CHARS) : text;
        if (answer.isBlank()) {
            return unchanged(state, recall, ask(state, quiz, messages.get("empty.answer")));
        }
        if (QuizItems.isChoice(question)) {
            int index = QuizItems.choiceIndex(question, answer);
            if (index < 0) {
                return unchanged(state, recall, ask(state, quiz,
                        messages.get("quiz.pick.one", QuizItems.letter(question.choices().size() - 1))));
            }
            return choose(state, recall, quiz, index, now);
        }
        if (AnswerScript.unreadable(question.kind(), answer)) {
            return unchanged(state, recall, ask(state, quiz, messages.get("answer.english")));
        }
        var alone = grader.grade(question, answer);
        var verdict = AnswerSoFar.grade(grader, question, quiz.sofar(), answer, alone);
        return graded(state, recall, quiz.saying(AnswerSoFar.after(quiz.sofar(), question, answer, alone)), verdict, now);
    }

    /** A press on an option button; empty when the button is not one of the open quiz's options. */
    Optional<Turn> press(LearnerState state, Recall recall, String data, Instant now) {
        var parts = data.split(":");
        if (recall.quiz().isEmpty() || parts.length != 3 || !data.startsWith(ANSWER_PREFIX)) {
            return Optional.empty();
        }
        var quiz = recall.quiz().get();
        var question = question(quiz).orElseThrow();
        try {
            long id = Long.parseLong(parts[1]);
            int index = Integer.parseInt(parts[2]);
            if (id != quiz.id() || !QuizItems.isChoice(question) || index < 0 || index >= question.choices().size()) {
                return Optional.empty();
            }
            return Optional.of(choose(state, recall, quiz, index, now));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    Turn hint(LearnerState state, Recall recall, OpenQuiz quiz, Instant now) {
        var hints = hints(question(quiz).orElseThrow());
        if (quiz.hintsUsed() < hints.size()) {
            return giveHint(state, recall, quiz, List.of(), List.of());
        }
        if (quiz.attempts() == 0) {
            return unchanged(state, recall, ask(state, quiz, messages.get("quiz.attempt.first")));
        }
        return finish(state, recall, quiz, false, List.of(messages.get("hint.none.left")), List.of(), now);
    }

    /** /next during a quiz: the quiz is dropped unrated (its concept stays due) and the answer stays hidden. */
    Turn setAside(LearnerState state, Recall recall, OpenQuiz quiz) {
        var title = curriculum.require(quiz.conceptId()).title();
        return new Turn(state, List.of(lessons.text(messages.get("quiz.set.aside", title))),
                List.of(Event.of(Type.QUIZ_SET_ASIDE, quiz.conceptId())), Optional.of(recall.withoutQuiz()));
    }

    private Turn choose(LearnerState state, Recall recall, OpenQuiz quiz, int index, Instant now) {
        var question = question(quiz).orElseThrow();
        var grade = question.choices().get(index).equals(question.answer()) ? Grade.CORRECT : Grade.INCORRECT;
        return graded(state, recall, quiz, new Verdict(grade, List.of()), now);
    }

    private Turn graded(LearnerState state, Recall recall, OpenQuiz quiz, Verdict verdict, Instant now) {
        var question = question(quiz).orElseThrow();
        var grade = verdict.grade();
        var events = List.of(new Event(Type.QUIZ_ANSWERED, quiz.conceptId(), grade.name()));
        // what the grader found (the check that failed when the code was run) says more than "not quite"
        var found = verdict.feedback();
        if (!verdict.attempt()) {
            return new Turn(state, List.of(lessons.fixFirst(found)), events,
                    Optional.of(recall));
        }
        var tried = quiz.attempted();
        var lead = grade == Grade.CORRECT ? List.of(messages.get("correct"))
                : found.isEmpty() ? List.of(lessons.notYet(question, verdict))
                : List.<String>of();
        var turn = grade == Grade.CORRECT ? finish(state, recall, tried, true, lead, events, now)
                : tried.hintsUsed() < hints(question).size() ? giveHint(state, recall, tried, lead, events)
                : finish(state, recall, tried, false, lead, events, now);
        var replies = new ArrayList<>(turn.messages());
        replies.set(0, ((Message) replies.getFirst()).after(found));
        return new Turn(turn.state(), replies, turn.events(), turn.recall());
    }

    private Turn giveHint(LearnerState state, Recall recall, OpenQuiz quiz, List<String> lead, List<Event> before) {
        var hints = hints(question(quiz).orElseThrow());
        var hinted = quiz.hinted();
        var paragraphs = new ArrayList<>(lead);
        paragraphs.add(messages.get("hint.prefix", hinted.hintsUsed(), hints.size()) + " " + hints.get(hinted.hintsUsed() - 1));
        var events = new ArrayList<>(before);
        events.add(new Event(Type.QUIZ_HINT_GIVEN, quiz.conceptId(), Integer.toString(hinted.hintsUsed())));
        return new Turn(state, List.of(lessons.text(paragraphs.toArray(String[]::new))), events,
                Optional.of(recall.withQuiz(hinted)));
    }

    /**
     * Ends the quiz: rates the card (a correct answer also credits the concepts it builds on), says
     * when the concept comes back, then returns the learner to what was pending before the quiz.
     */
    private Turn finish(LearnerState state, Recall recall, OpenQuiz quiz, boolean recalled, List<String> lead,
                        List<Event> before, Instant now) {
        var concept = curriculum.require(quiz.conceptId());
        var question = question(quiz).orElseThrow();
        int failed = recalled ? quiz.attempts() - 1 : quiz.attempts();
        var rating = new ReviewOutcome(recalled, quiz.hintsUsed(), failed, QuizItems.isChoice(question)).rating();
        var deck = recall.deck().rate(concept.id(), rating, now, scheduler);
        var events = new ArrayList<>(before);
        events.add(new Event(Type.QUIZ_FINISHED, concept.id(), rating.name()));
        events.add(new Event(Type.CARD_RATED, concept.id(), rating.name()));
        if (recalled) {
            var credited = deck.credit(concept.requires(), now, scheduler);
            deck = credited.deck();
            credited.conceptIds().forEach(id -> events.add(Event.of(Type.CARD_CREDITED, id)));
        }
        var blocks = new ArrayList<Block>();
        lead.forEach(sentence -> blocks.add(new Paragraph(sentence)));
        // a picked option needs no model answer beside it; a typed answer is compared with one
        if (!recalled || !QuizItems.isChoice(question)) {
            blocks.add(new Paragraph(messages.get(recalled ? "correct.model" : "quiz.reveal")));
            blocks.add(shownAnswer(question));
        }
        var due = Duration.between(now, deck.card(concept.id()).orElseThrow().due()).toDays();
        var when = due <= 1 ? messages.get("quiz.when.tomorrow") : messages.get("quiz.when.days", due);
        blocks.add(new Paragraph(messages.get(recalled ? "quiz.next.review" : "quiz.reveal.review", concept.title(), when)));
        var after = withProgress(state, state.progress().reviewed(concept.id()));
        // an answered predict-output item can be run for real, as in the lesson
        var run = canRun.test(question) ? List.of(new Button(messages.get("button.run"),
                RUN_PREFIX + quiz.item() + ":" + concept.id())) : List.<Button>of();
        return new Turn(after, List.of(new Message(blocks, run), afterQuiz(after)), events,
                Optional.of(recall.withDeck(deck).withoutQuiz().withLastRun(run.stream().map(Button::data).findFirst())));
    }

    /** Back to what was pending before the quiz, so nothing is dropped silently. */
    Message afterQuiz(LearnerState state) {
        return switch (state) {
            case AwaitingAnswer awaiting -> curriculum.concept(awaiting.conceptId())
                    .map(concept -> lessons.askAgain(concept, messages.get("after.quiz.pending", concept.title())))
                    .orElseGet(() -> lessons.text(messages.get("after.quiz.finished")));
            case ReadyToAdvance ready -> lessons.withReadyButton(lessons.text(messages.get("after.quiz.ready")));
            case Finished finished -> lessons.text(messages.get("after.quiz.finished"));
            case NotStarted notStarted -> lessons.text(messages.get("not.started"));
        };
    }

    Optional<Question> question(OpenQuiz quiz) {
        return curriculum.concept(quiz.conceptId()).flatMap(concept -> QuizItems.item(concept, quiz.item()));
    }

    private Optional<Concept> pendingCheck(LearnerState state) {
        return state instanceof AwaitingAnswer awaiting ? curriculum.concept(awaiting.conceptId()) : Optional.empty();
    }

    /** Authored hints; an item authored without any gets one general nudge for its kind, so no answer comes unasked. */
    private List<String> hints(Question question) {
        return question.hints().isEmpty()
                ? List.of(messages.get("quiz.nudge." + question.kind().yamlName()))
                : question.hints();
    }

    private static Block shownAnswer(Question question) {
        boolean code = question.kind() == CheckKind.PREDICT_OUTPUT || question.kind() == CheckKind.WRITE_CODE;
        return code ? new Code(question.answer()) : new Paragraph(question.answer());
    }

    private static Turn unchanged(LearnerState state, Recall recall, Message message) {
        return new Turn(state, List.of(message), List.of(), Optional.of(recall));
    }

    private static LearnerState withProgress(LearnerState state, Progress progress) {
        return switch (state) {
            case AwaitingAnswer awaiting -> new AwaitingAnswer(progress, awaiting.conceptId(), awaiting.hintsUsed(), awaiting.sofar());
            case ReadyToAdvance ready -> new ReadyToAdvance(progress, ready.conceptId());
            case Finished finished -> new Finished(progress);
            case NotStarted notStarted -> notStarted;
        };
    }
}
