package dev.socratic.tutor;

import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.Question;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Image;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.VoiceRequest.Mastery;
import dev.socratic.tutor.VoiceRequest.Material;
import dev.socratic.tutor.VoiceRequest.Purpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The replies the voice may word: teaching, feedback on a wrong answer, hints, a comment on a
 * correct answer or on the answer shown when the hints ran out, answers to the learner's questions. Each builds the prompt from the current
 * concept only, runs the guarded voice, and falls back to the authored message. Without a voice
 * every reply is the authored one. One instance serves one turn (it holds that turn's budget).
 */
final class VoicedReplies {

    /** How many of the learner's latest lines (theirs and the tutor's) a prompt carries. */
    static final int RECENT_LINES = 6;
    /** A longer line is cut for the prompt: the gist of a turn is in its first sentences. */
    static final int LINE_CHARS = 240;
    private static final int RECENT_TITLES = 3;

    private final Curriculum curriculum;
    private final Messages messages;
    private final Lessons lessons;
    private final Optional<GuardedVoice> voice;
    private final Snippets snippets;
    private final Diagrams diagrams;
    private final List<Transcript.Line> recent;
    private final GuardedVoice.Budget budget;

    VoicedReplies(Curriculum curriculum, Messages messages, Lessons lessons, Optional<GuardedVoice> voice,
                  Snippets snippets, Diagrams diagrams) {
        this(curriculum, messages, lessons, voice, snippets, diagrams, List.of(), null);
    }

    private VoicedReplies(Curriculum curriculum, Messages messages, Lessons lessons, Optional<GuardedVoice> voice,
                          Snippets snippets, Diagrams diagrams, List<Transcript.Line> recent,
                          GuardedVoice.Budget budget) {
        this.curriculum = curriculum;
        this.messages = messages;
        this.lessons = lessons;
        this.voice = voice;
        this.snippets = snippets;
        this.diagrams = diagrams;
        this.recent = recent;
        this.budget = budget;
    }

    /** The replies of one turn, remembering the learner's recent lines and starting the turn's time budget. */
    VoicedReplies forTurn(List<Transcript.Line> recentLines) {
        var lines = recentLines.subList(Math.max(0, recentLines.size() - RECENT_LINES), recentLines.size()).stream()
                .map(line -> new Transcript.Line(line.role(), shorten(line.text())))
                .toList();
        return new VoicedReplies(curriculum, messages, lessons, voice, snippets, diagrams, lines,
                voice.map(GuardedVoice::startTurn).orElse(null));
    }

    boolean enabled() {
        return voice.isPresent();
    }

    /** The concept's explanation in the voice's words, then (as authored) its Go comparison, code and question. */
    Reply teach(Concept concept, Progress progress) {
        var authored = lessons.teach(concept);
        var check = concept.check();
        var request = request(Purpose.TEACH, concept, progress, 0, "", "", "");
        var shown = String.join("\n", authored.plainText(), check.prompt(), check.code());
        return speak(request, concept, progress, shown, "",
                blocks -> lessons.teach(concept, blocks)).orElse(authored);
    }

    /**
     * A hint: for {@code /hint} (no verdict, empty {@code lead}) or after a wrong answer ({@code lead}
     * says how it was graded). The voice builds a guiding question on the authored hint number
     * {@code number}; the lead and the "Hint n of m" count stay as written.
     */
    Reply hint(AwaitingAnswer awaiting, Concept concept, String lead, String learnerText,
               Optional<Verdict> verdict, int number) {
        var hints = concept.check().hints();
        var hint = hints.get(number - 1);
        var prefix = messages.get("hint.prefix", number, hints.size());
        var authored = paragraphs(lead, prefix + " " + hint);
        var purpose = verdict.isPresent() ? Purpose.FEEDBACK : Purpose.HINT;
        var grade = verdict.map(v -> v.grade().name().toLowerCase(Locale.ROOT)).orElse("");
        var request = request(purpose, concept, awaiting.progress(), awaiting.hintsUsed(), hint, learnerText, grade);
        var shown = String.join("\n", lead, String.join("\n", hints.subList(0, number)), concept.check().prompt());
        return speak(request, concept, awaiting.progress(), shown, learnerText,
                blocks -> paragraphs(lead, withPrefix(prefix, blocks))).orElse(authored);
    }

    /** A comment on a correct answer between the authored verdict and the model answer. */
    Reply correct(Concept concept, Progress before, String learnerText, Message authored) {
        var answer = concept.check().answer();
        var request = request(Purpose.CORRECT, concept, before, 0, "", learnerText, "correct");
        return speak(request, concept, before, answer, learnerText, drafted -> {
            var blocks = new ArrayList<Block>();
            blocks.add(new Paragraph(messages.get("correct")));
            blocks.addAll(drafted);
            blocks.addAll(Lessons.answer(concept.check(), messages.get("correct.model")));
            blocks.add(new Paragraph(messages.get("correct.invite")));
            return lessons.withReadyButton(new Message(blocks, List.of()));
        }).orElse(authored);
    }

    /**
     * A comment when the hints have run out, between the authored lead and the model answer: the reply
     * to a last wrong answer ({@code learnerText}) or to {@code /hint} (empty {@code learnerText}).
     */
    Reply reveal(Concept concept, Progress before, String lead, String learnerText, Message authored) {
        var answer = concept.check().answer();
        var request = request(Purpose.REVEAL, concept, before, 0, "", learnerText, learnerText.isEmpty() ? "" : "incorrect");
        return speak(request, concept, before, String.join("\n", lead, answer), learnerText, drafted -> {
            var blocks = new ArrayList<Block>();
            blocks.add(new Paragraph(lead));
            blocks.addAll(drafted);
            blocks.addAll(Lessons.answer(concept.check(), messages.get("reveal")));
            blocks.add(new Paragraph(messages.get("reveal.review")));
            return lessons.withReadyButton(new Message(blocks, List.of()));
        }).orElse(authored);
    }

    /**
     * A short answer to the learner's own question, then the open question again, as written; empty
     * when the voice could not give one that passes the guard (the caller then treats the text as an answer).
     */
    Attempt answerQuestion(AwaitingAnswer awaiting, Concept concept, String question) {
        var check = concept.check();
        var request = request(Purpose.QUESTION, concept, awaiting.progress(), awaiting.hintsUsed(), "", question, "");
        var shown = String.join("\n", String.join("\n", check.hints().subList(0, awaiting.hintsUsed())),
                check.prompt(), check.code());
        return speak(request, concept, awaiting.progress(), shown, question, drafted -> {
            var blocks = new ArrayList<>(drafted);
            blocks.add(new Paragraph(messages.get("pending.reminder")));
            blocks.addAll(lessons.question(check));
            return new Message(blocks, List.of());
        });
    }

    /**
     * Runs the guarded voice; {@code build} turns an accepted draft's blocks into the message. Each of
     * the draft's snippets is followed by its real output, and its diagram becomes a picture.
     */
    private Attempt speak(VoiceRequest request, Concept concept, Progress progress, String shown, String learnerText,
                          Function<List<Block>, Message> build) {
        if (voice.isEmpty()) {
            return new Attempt(Optional.empty(), Optional.empty(), List.of());
        }
        var pending = request.purpose().questionOpen() ? Optional.of(concept.check()) : Optional.<Question>empty();
        var context = new GuardContext(request.purpose(), concept.id(), Set.copyOf(progress.done()), pending, shown,
                learnerText);
        var spoken = voice.get().speak(request, context, budget, concept.id());
        var split = spoken.draft().map(Diagrams::split);
        var message = split.map(draft -> build.apply(snippets.withOutcomes(DraftBlocks.parse(draft.text()), shown)));
        return new Attempt(message, split.flatMap(diagrams::picture), spoken.events());
    }

    private VoiceRequest request(Purpose purpose, Concept concept, Progress progress, int hintsUsed, String hint,
                                 String learnerText, String grade) {
        var check = concept.check();
        boolean withGo = purpose == Purpose.TEACH || purpose == Purpose.QUESTION;
        var material = new Material(concept.title(), curriculum.topicOf(concept.id()).title(), concept.explain(),
                withGo ? concept.go() : "", check.kind().yamlName(), check.prompt(), check.code(), hint,
                hint.isEmpty() ? 0 : hintsUsed + 1, check.hints().size(),
                purpose.questionOpen() ? "" : check.answer());
        return new VoiceRequest(purpose, material, mastery(progress, hintsUsed), recent, learnerText, grade,
                diagrams.offeredFor(purpose), Optional.empty());
    }

    private Mastery mastery(Progress progress, int hintsUsed) {
        var done = progress.done();
        var latest = done.subList(Math.max(0, done.size() - RECENT_TITLES), done.size());
        var titles = latest.stream().flatMap(id -> curriculum.concept(id).stream()).map(Concept::title).toList();
        var revealed = latest.stream().filter(progress.revealed()::contains)
                .flatMap(id -> curriculum.concept(id).stream()).map(Concept::title).toList();
        return new Mastery(done.size(), titles, revealed, hintsUsed);
    }

    private Message paragraphs(String lead, String text) {
        return lead.isEmpty() ? lessons.text(text) : lessons.text(lead, text);
    }

    private static Message paragraphs(String lead, List<Block> blocks) {
        var all = new ArrayList<Block>();
        if (!lead.isEmpty()) {
            all.add(new Paragraph(lead));
        }
        all.addAll(blocks);
        return new Message(all, List.of());
    }

    /** "Hint 1 of 2:" before the voice's words, so the learner still knows how many hints are left. */
    private static List<Block> withPrefix(String prefix, List<Block> blocks) {
        var all = new ArrayList<Block>(blocks);
        if (!all.isEmpty() && all.getFirst() instanceof Paragraph first) {
            all.set(0, new Paragraph(prefix + " " + first.text()));
        } else {
            all.addFirst(new Paragraph(prefix));
        }
        return all;
    }

    private static String shorten(String text) {
        var flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= LINE_CHARS ? flat : flat.substring(0, LINE_CHARS - 1) + "…";
    }

    /** A reply, the picture of the voice's diagram if it drew one, and what happened while making it. */
    record Reply(Message message, Optional<Image> picture, List<Event> events) {
        Reply {
            events = List.copyOf(events);
        }

        Reply withMessage(Message changed) {
            return new Reply(changed, picture, events);
        }

        /** The message, with the picture (as a photo captioned by the message when it fits) first. */
        List<Outbound> outbound() {
            return picture.map(image -> Illustrator.attach(image, message)).orElse(List.of(message));
        }
    }

    /** The voice's message, if it gave one that passed the guard, and what happened while trying. */
    record Attempt(Optional<Message> message, Optional<Image> picture, List<Event> events) {
        Attempt {
            events = List.copyOf(events);
        }

        Reply orElse(Message authored) {
            return message.map(voiced -> new Reply(voiced, picture, events))
                    .orElseGet(() -> new Reply(authored, Optional.empty(), events));
        }

        /** The message, with the picture first; empty when the voice gave none. */
        Optional<List<Outbound>> outbound() {
            return message.map(voiced -> new Reply(voiced, picture, events).outbound());
        }
    }
}
