package dev.socratic.tutor;

import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.tutor.Event.Type;
import dev.socratic.tutor.Input.Choice;
import dev.socratic.tutor.Input.Command;
import dev.socratic.tutor.Input.Text;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.Finished;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;
import dev.socratic.tutor.Outbound.Message;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The teaching rules, as code: one concept at a time, a question after every concept, hints
 * before answers, and no new concept until the check is passed and the learner says they are ready.
 * It reads nothing and writes nothing: the caller loads and stores the state. Without a voice it is
 * pure; with one it may ask the {@link Voice} to word a reply, within the turn's time budget, and
 * sends only drafts the {@link PedagogyGuard} accepts, otherwise the authored text.
 */
public final class Tutor {

    /** Answers longer than this are cut before grading: nobody explains a concept in a novel. */
    static final int MAX_ANSWER_CHARS = 4_000;

    private static final Set<String> READY_WORDS = Set.of(
            "ready", "next", "yes", "y", "ok", "okay", "go", "go on", "continue", "let's go", "lets go", "sure");

    private final Curriculum curriculum;
    private final Grader grader;
    private final Messages messages;
    private final Lessons lessons;
    private final ProgressReport progressReport;
    private final Illustrator illustrator;
    private final MapReply mapReply;
    private final VoicedReplies voiced;
    private final LearnerQuestions questions;
    private final CodeRuns runs;

    /** The tutor without pictures or a voice: concepts in words, /map as text, every reply as authored. */
    public Tutor(Curriculum curriculum, Grader grader, Messages messages) {
        this(curriculum, grader, messages, Pictures.NONE, MapRenderer.NONE, CodeRunner.NONE, Optional.empty());
    }

    /** @param runner runs a predict-output question's code once it is answered (the Run button) */
    public Tutor(Curriculum curriculum, Grader grader, Messages messages, CodeRunner runner) {
        this(curriculum, grader, messages, Pictures.NONE, MapRenderer.NONE, runner, Optional.empty());
    }

    /** With pictures, without a voice or a code runner. */
    public Tutor(Curriculum curriculum, Grader grader, Messages messages, Pictures pictures, MapRenderer maps) {
        this(curriculum, grader, messages, pictures, maps, CodeRunner.NONE, Optional.empty());
    }

    /** With pictures and a code runner, without a voice. */
    public Tutor(Curriculum curriculum, Grader grader, Messages messages, Pictures pictures, MapRenderer maps,
                 CodeRunner runner) {
        this(curriculum, grader, messages, pictures, maps, runner, Optional.empty());
    }

    /** With an LLM voice, every draft checked by the {@link PedagogyGuard}; without pictures. */
    public Tutor(Curriculum curriculum, Grader grader, Messages messages, Voice voice, Clock clock, VoiceTimings timings) {
        this(curriculum, grader, messages, Pictures.NONE, MapRenderer.NONE, CodeRunner.NONE, Snippets.NONE,
                Diagrams.NONE, voice, clock, timings);
    }

    /**
     * With pictures, a code runner and an LLM voice, every draft checked by the {@link PedagogyGuard}:
     * the voice's snippets are run by {@code runner} before they are shown, and its diagrams drawn by
     * {@code diagrams} (or, with a {@code diagramLinks} base address, linked to a public renderer).
     */
    public Tutor(Curriculum curriculum, Grader grader, Messages messages, Pictures pictures, MapRenderer maps,
                 CodeRunner runner, Voice voice, Clock clock, VoiceTimings timings, DiagramRenderer diagrams,
                 Optional<String> diagramLinks) {
        this(curriculum, grader, messages, pictures, maps, runner, new Snippets(runner, messages),
                new Diagrams(diagrams, diagramLinks), voice, clock, timings);
    }

    /** With an LLM voice whose snippets and diagrams are handled by {@code snippets} and {@code diagrams}. */
    private Tutor(Curriculum curriculum, Grader grader, Messages messages, Pictures pictures, MapRenderer maps,
                  CodeRunner runner, Snippets snippets, Diagrams diagrams, Voice voice, Clock clock,
                  VoiceTimings timings) {
        this(curriculum, grader, messages, pictures, maps, runner, snippets, diagrams, Optional.of(new GuardedVoice(
                voice, new PedagogyGuard(curriculum, grader, snippets, diagrams), clock, timings)));
    }

    private Tutor(Curriculum curriculum, Grader grader, Messages messages, Pictures pictures, MapRenderer maps,
                  CodeRunner runner, Optional<GuardedVoice> voice) {
        this(curriculum, grader, messages, pictures, maps, runner, Snippets.NONE, Diagrams.NONE, voice);
    }

    private Tutor(Curriculum curriculum, Grader grader, Messages messages, Pictures pictures, MapRenderer maps,
                  CodeRunner runner, Snippets snippets, Diagrams diagrams, Optional<GuardedVoice> voice) {
        this.curriculum = curriculum;
        this.grader = grader;
        this.messages = messages;
        this.lessons = new Lessons(curriculum, messages);
        this.progressReport = new ProgressReport(curriculum, messages);
        this.illustrator = new Illustrator(curriculum, pictures, messages);
        this.mapReply = new MapReply(new KnowledgeMaps(curriculum, messages), maps, messages, curriculum.topics());
        this.voiced = new VoicedReplies(curriculum, messages, lessons, voice, snippets, diagrams);
        this.questions = new LearnerQuestions(curriculum, messages, lessons);
        this.runs = new CodeRuns(runner, messages, lessons);
    }

    /** The same tutor for one turn, its voice knowing the learner's recent lines. */
    private Tutor(Tutor tutor, VoicedReplies voiced) {
        this.curriculum = tutor.curriculum;
        this.grader = tutor.grader;
        this.messages = tutor.messages;
        this.lessons = tutor.lessons;
        this.progressReport = tutor.progressReport;
        this.illustrator = tutor.illustrator;
        this.mapReply = tutor.mapReply;
        this.voiced = voiced;
        this.questions = tutor.questions;
        this.runs = tutor.runs;
    }

    /** How many recent lines of the learner's a turn should be given; 0 without a voice. */
    public int recentLinesWanted() {
        return voiced.enabled() ? VoicedReplies.RECENT_LINES : 0;
    }

    public Turn handle(LearnerState stored, Input input) {
        return handle(stored, input, List.of());
    }

    /** As {@link #handle(LearnerState, Input)}, with the learner's recent lines for the voice's prompts. */
    public Turn handle(LearnerState stored, Input input, List<Transcript.Line> recent) {
        return forTurn(recent).decide(stored, input);
    }

    /** This tutor for one turn: with a voice, one that knows the learner's recent lines; else this one. */
    Tutor forTurn(List<Transcript.Line> recent) {
        return voiced.enabled() ? new Tutor(this, voiced.forTurn(recent)) : this;
    }

    /** One turn of the lesson flow, by this (per-turn) tutor. */
    Turn decide(LearnerState stored, Input input) {
        return decide(stored, input, Set.of());
    }

    /** As {@link #decide(LearnerState, Input)}; {@code due}: covered concepts whose review card is due now. */
    Turn decide(LearnerState stored, Input input, Set<String> due) {
        var state = reconcile(stored);
        return switch (input) {
            case Command command -> command(state, command, due);
            case Text text -> text(state, text.text());
            case Choice choice -> switch (choice.data()) {
                case Lessons.READY -> next(state);
                case CodeRuns.RUN -> run(state);
                default -> staleButton(state);
            };
        };
    }

    private Turn command(LearnerState state, Command command, Set<String> due) {
        return switch (command.name()) {
            case "start" -> start(state);
            case "next" -> next(state);
            case "hint" -> hint(state);
            case "run" -> run(state);
            case "progress" -> new Turn(state, List.of(progressReport.of(state, due)), List.of());
            case "map" -> new Turn(state, mapReply.answer(state, command.args(), due, text -> withPending(state, text)),
                    List.of());
            case "help" -> new Turn(state, List.of(withPending(state, messages.get("help"))), List.of());
            default -> new Turn(state, List.of(withPending(state, messages.get("unknown.command", command.name()))),
                    List.of());
        };
    }

    private Turn start(LearnerState state) {
        return switch (state) {
            case NotStarted notStarted -> {
                var first = curriculum.next(Set.of(), "").orElseThrow();
                var turn = introduce(Progress.EMPTY, first, List.of(lessons.text(messages.get("welcome"))));
                var events = new ArrayList<Event>();
                events.add(Event.of(Type.LEARNER_STARTED, ""));
                events.addAll(turn.events());
                yield new Turn(turn.state(), turn.messages(), events);
            }
            case AwaitingAnswer awaiting -> {
                var concept = curriculum.require(awaiting.conceptId());
                var out = new ArrayList<Outbound>();
                out.add(lessons.text(messages.get("welcome.back", concept.title())));
                out.addAll(illustrator.teach(awaiting.progress(), concept, lessons.teach(concept)));
                yield new Turn(state, out, List.of());
            }
            case ReadyToAdvance ready -> new Turn(state, List.of(lessons.withReadyButton(lessons.text(
                    messages.get("welcome.back.ready", curriculum.require(ready.conceptId()).title())))), List.of());
            case Finished finished -> new Turn(state, List.of(lessons.text(messages.get("welcome.finished"))), List.of());
        };
    }

    private Turn next(LearnerState state) {
        return switch (state) {
            case NotStarted notStarted -> start(state);
            case AwaitingAnswer awaiting -> {
                var concept = curriculum.require(awaiting.conceptId());
                var lead = new ArrayList<String>();
                lead.add(messages.get("next.refused"));
                if (awaiting.hintsUsed() < concept.check().hints().size()) {
                    lead.add(messages.get("next.refused.hint"));
                }
                yield new Turn(state, List.of(lessons.askAgain(concept, lead.toArray(String[]::new))),
                        List.of(Event.of(Type.ADVANCE_REFUSED, concept.id())));
            }
            case ReadyToAdvance ready -> advance(ready);
            case Finished finished -> new Turn(state, List.of(lessons.text(messages.get("finished.already"))), List.of());
        };
    }

    private Turn advance(ReadyToAdvance ready) {
        var progress = ready.progress();
        var following = curriculum.next(Set.copyOf(progress.done()), curriculum.topicOf(ready.conceptId()).id());
        if (following.isEmpty()) {
            return new Turn(new Finished(progress), List.of(lessons.text(messages.get("finished"))),
                    List.of(Event.of(Type.CURRICULUM_FINISHED, ready.conceptId())));
        }
        var turn = introduce(progress, following.get(), List.of());
        var events = new ArrayList<Event>();
        events.add(Event.of(Type.ADVANCED, following.get().id()));
        events.addAll(turn.events());
        return new Turn(turn.state(), turn.messages(), events);
    }

    private Turn introduce(Progress progress, Concept concept, List<Message> before) {
        var out = new ArrayList<Outbound>(before);
        var teaching = voiced.teach(concept, progress);
        // the curriculum's pictures illustrate a concept (the voice draws none when teaching)
        out.addAll(illustrator.teach(progress, concept, teaching.message()));
        var events = new ArrayList<Event>();
        events.add(Event.of(Type.CONCEPT_INTRODUCED, concept.id()));
        events.addAll(teaching.events());
        return new Turn(new AwaitingAnswer(progress, concept.id(), 0), out, events);
    }

    private Turn hint(LearnerState state) {
        if (!(state instanceof AwaitingAnswer awaiting)) {
            return new Turn(state, List.of(nothingPending(state)), List.of());
        }
        var concept = curriculum.require(awaiting.conceptId());
        if (awaiting.hintsUsed() >= concept.check().hints().size()) {
            return reveal(awaiting, concept, messages.get("hint.none.left"), "", List.of());
        }
        return giveHint(awaiting, concept, "", "", Optional.empty(), List.of(), awaiting.sofar());
    }

    private Turn text(LearnerState state, String text) {
        return switch (state) {
            case NotStarted notStarted -> start(state);
            case AwaitingAnswer awaiting -> answer(awaiting, text);
            case ReadyToAdvance ready -> isReadyWord(text) ? advance(ready)
                    : new Turn(state, List.of(lessons.withReadyButton(lessons.text(messages.get("ready.already")))),
                    List.of());
            case Finished finished -> new Turn(state, List.of(lessons.text(messages.get("finished.already"))), List.of());
        };
    }

    private Turn answer(AwaitingAnswer awaiting, String text) {
        var concept = curriculum.require(awaiting.conceptId());
        var answer = text.length() > MAX_ANSWER_CHARS ? text.substring(0, MAX_ANSWER_CHARS) : text;
        if (answer.isBlank()) {
            return new Turn(awaiting, List.of(lessons.askAgain(concept, messages.get("empty.answer"))), List.of());
        }
        if (AnswerScript.unreadable(concept.check().kind(), answer)) {
            return new Turn(awaiting, List.of(lessons.askAgain(concept, messages.get("answer.english"))), List.of());
        }
        var alone = grader.grade(concept.check(), answer);
        var verdict = AnswerSoFar.grade(grader, concept.check(), awaiting.sofar(), answer, alone);
        var graded = new Event(Type.ANSWER_GRADED, concept.id(), verdict.grade().name());
        // what the grader found (say, the check that failed when the code was run) opens the reply
        var found = verdict.feedback();
        if (verdict.isCorrect()) {
            var progress = awaiting.progress().complete(concept.id(), false);
            var praise = lessons.withAnswer(concept.check(), messages.get("correct"), messages.get("correct.model"),
                    messages.get("correct.invite"));
            var reply = voiced.correct(concept, awaiting.progress(), answer, praise);
            var events = new ArrayList<Event>();
            events.add(graded);
            events.addAll(reply.events());
            var message = runs.withButtons(reply.message(), concept.check()).after(found);
            return new Turn(new ReadyToAdvance(progress, concept.id()), reply.withMessage(message).outbound(), events);
        }
        if (!verdict.attempt()) {
            return new Turn(awaiting, List.of(lessons.fixFirst(found)), List.of(graded));
        }
        var picture = pictureRequest(awaiting, concept, answer, verdict);
        if (picture.isPresent()) {
            return picture.get();
        }
        var asked = questions.reply(awaiting, concept, answer, verdict, voiced);
        if (asked.turn().isPresent()) {
            return asked.turn().get();
        }
        var lead = found.isEmpty() ? lessons.notYet(concept.check(), verdict) : "";
        var turn = awaiting.hintsUsed() >= concept.check().hints().size()
                ? reveal(awaiting, concept, lead.isEmpty() ? messages.get("hint.none.left") : lead, answer, found)
                : giveHint(awaiting, concept, lead, answer, Optional.of(verdict), found,
                        AnswerSoFar.after(awaiting.sofar(), concept.check(), answer, alone));
        var events = new ArrayList<Event>(asked.events());
        events.add(graded);
        events.addAll(turn.events());
        return new Turn(turn.state(), turn.messages(), events);
    }

    /**
     * "Can you draw it?": the concept's picture (or its topic's) with the open question again, with or
     * without a voice. Empty when the text is not such a request or there is no picture: then it is
     * an answer as any other text (or, with a voice, a question the voice may answer with a diagram).
     */
    private Optional<Turn> pictureRequest(AwaitingAnswer awaiting, Concept concept, String text, Verdict verdict) {
        if (verdict.isCorrect() || !verdict.feedback().isEmpty() || !LearnerQuestions.asksForPicture(text)) {
            return Optional.empty();
        }
        return illustrator.pictureFor(concept).map(image -> new Turn(awaiting,
                Illustrator.attach(image, lessons.askAgain(concept, messages.get("picture.again"))),
                List.of(new Event(Type.LEARNER_QUESTION, concept.id(), "picture"))));
    }

    /** The Run button: the real output of the predict-output code just answered, never before the answer. */
    private Turn run(LearnerState state) {
        var check = switch (state) {
            case ReadyToAdvance ready -> curriculum.require(ready.conceptId()).check();
            case AwaitingAnswer awaiting -> curriculum.require(awaiting.conceptId()).check();
            case NotStarted notStarted -> null;
            case Finished finished -> null;
        };
        if (check == null || !runs.runnable(check)) {
            return new Turn(state, List.of(withPending(state, messages.get("run.nothing"))), List.of());
        }
        if (state instanceof AwaitingAnswer awaiting) {
            return new Turn(state, List.of(lessons.askAgain(curriculum.require(awaiting.conceptId()),
                    messages.get("run.predict.first"))), List.of());
        }
        return new Turn(state, List.of(runs.lessonOutput(check)), List.of());
    }

    /** The Run buttons, for the quizzes: whether one is offered for a question, and what its code prints. */
    CodeRuns runs() {
        return runs;
    }

    /**
     * The next hint: for /hint (no verdict), or after the wrong {@code answer} (with {@code lead}
     * saying so, or else what the grader {@code found} opening the reply).
     */
    private Turn giveHint(AwaitingAnswer awaiting, Concept concept, String lead, String answer,
                          Optional<Verdict> verdict, List<Outbound.Block> found, String sofar) {
        int number = awaiting.hintsUsed() + 1;
        var reply = voiced.hint(awaiting, concept, lead, answer, verdict, number);
        var events = new ArrayList<Event>();
        events.add(new Event(Type.HINT_GIVEN, concept.id(), Integer.toString(number)));
        events.addAll(reply.events());
        return new Turn(new AwaitingAnswer(awaiting.progress(), concept.id(), number, sofar),
                reply.withMessage(reply.message().after(found)).outbound(), events);
    }

    /** The hints are used up: show the model answer and flag the concept for early review. */
    private Turn reveal(AwaitingAnswer awaiting, Concept concept, String lead, String answer,
                        List<Outbound.Block> found) {
        var progress = awaiting.progress().complete(concept.id(), true);
        var message = lessons.withAnswer(concept.check(), lead, messages.get("reveal"), messages.get("reveal.review"));
        var reply = voiced.reveal(concept, awaiting.progress(), lead, answer, message);
        var events = new ArrayList<Event>();
        events.add(Event.of(Type.ANSWER_REVEALED, concept.id()));
        events.addAll(reply.events());
        return new Turn(new ReadyToAdvance(progress, concept.id()),
                reply.withMessage(runs.withButtons(reply.message(), concept.check()).after(found))
                        .outbound(), events);
    }

    private Turn staleButton(LearnerState state) {
        return new Turn(state, List.of(withPending(state, messages.get("stale.button"))), List.of());
    }

    private Message nothingPending(LearnerState state) {
        return switch (state) {
            case NotStarted notStarted -> lessons.text(messages.get("not.started"));
            case Finished finished -> lessons.text(messages.get("finished.already"));
            case ReadyToAdvance ready -> lessons.withReadyButton(lessons.text(messages.get("hint.nothing.pending")));
            case AwaitingAnswer awaiting -> lessons.askAgain(curriculum.require(awaiting.conceptId()));
        };
    }

    /** A reply that also reminds the learner of what is open, so it still ends by asking something. */
    Message withPending(LearnerState state, String text) {
        return switch (state) {
            case AwaitingAnswer awaiting -> lessons.askAgain(curriculum.require(awaiting.conceptId()), text,
                    messages.get("pending.reminder"));
            case ReadyToAdvance ready -> lessons.withReadyButton(lessons.text(text, messages.get("ready.already")));
            case NotStarted notStarted -> lessons.text(text, messages.get("not.started"));
            case Finished finished -> lessons.text(text, messages.get("finished.already"));
        };
    }

    /**
     * Fits a stored state to the curriculum as it is now: concepts removed since are dropped, and a
     * learner who had finished carries on when new concepts were added.
     */
    private LearnerState reconcile(LearnerState state) {
        var old = state.progress();
        var known = old.done().stream().filter(id -> curriculum.concept(id).isPresent()).toList();
        var progress = known.size() == old.done().size() ? old
                : new Progress(known, old.revealed().stream().filter(known::contains).collect(Collectors.toSet()));
        LearnerState fallback = known.isEmpty() ? new NotStarted() : new ReadyToAdvance(progress, known.getLast());
        return switch (state) {
            case NotStarted notStarted -> notStarted;
            case AwaitingAnswer awaiting -> curriculum.concept(awaiting.conceptId()).isPresent()
                    ? new AwaitingAnswer(progress, awaiting.conceptId(), awaiting.hintsUsed(), awaiting.sofar()) : fallback;
            case ReadyToAdvance ready -> curriculum.concept(ready.conceptId()).isPresent()
                    ? new ReadyToAdvance(progress, ready.conceptId()) : fallback;
            case Finished finished -> curriculum.available(Set.copyOf(known)).isEmpty() ? new Finished(progress) : fallback;
        };
    }

    private static boolean isReadyWord(String text) {
        var word = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!?\\s]+$", "");
        return READY_WORDS.contains(word);
    }
}
