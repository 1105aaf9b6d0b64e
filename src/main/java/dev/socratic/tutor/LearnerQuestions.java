package dev.socratic.tutor;

import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.tutor.Event.Type;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a learner's own question from an answer, and sorts it: about the current concept (the voice
 * answers), about a later one (deferred, naming where it sits), off the subject, or an attempt to get
 * the answer or change the tutor's rules (steered back).
 *
 * <p>The rule: only text the offline grader found wrong can be a question (a correct or partial
 * answer is always an answer), and it must read as one: it opens like a question or request
 * ("why…", "how does…", "can you…", "explain…", "I don't understand…") or is just "?". Text that only
 * ends with "?" ("because they share memory?") is a hesitant answer and is graded as before. Attempts
 * to get the answer or drop the rules are caught in any form.
 */
final class LearnerQuestions {

    private static final Pattern OPENS_AS_QUESTION = Pattern.compile(
            "^(?:what|what's|whats|why|how|how's|when|where|which|who|whom|whose|is|isn't|are|aren't|can|can't"
            + "|could|would|will|should|shall|do|does|doesn't|don't|did|didn't|may|might|explain|tell me|show me"
            + "|give me|help|wait|huh|i don't understand|i do not understand|i don't get|i'm confused|i am confused"
            + "|i'm lost|i am lost|what about|how come|eli5|example|remind me|sorry)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ONLY_PUNCTUATION = Pattern.compile("^[?!.\\s]*\\?[?!.\\s]*$");
    private static final Pattern CHANGES_RULES = Pattern.compile(
            "\\b(?:ignore|forget|disregard|override|bypass)\\b.{0,40}\\b(?:instructions|rules|prompt|guidelines"
            + "|constraints)\\b|\\bsystem prompt\\b|\\byou are now\\b|\\bpretend (?:to be|you)\\b|\\bjailbreak"
            + "|\\bdeveloper mode\\b|\\bact as\\b.{0,30}\\b(?:without|no)\\b|\\bnew instructions\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern WANTS_ANSWER = Pattern.compile(
            "\\b(?:give|tell|show|reveal|send)\\s+(?:me\\s+)?(?:the|your)\\s+(?:model\\s+|correct\\s+|right\\s+|full\\s+)?"
            + "(?:answer|solution)\\b|\\bwhat(?:'s| is) the (?:correct |right )?(?:answer|solution)\\b"
            + "|\\bjust (?:give|tell) me\\b",
            Pattern.CASE_INSENSITIVE);
    /** "Can you draw it?", "diagram please", "is there a picture?": a short request, opening like one. */
    private static final Pattern PICTURE_REQUEST = Pattern.compile(
            "^(?=(?:(?:can|could|would|will) you|please|pls|show|draw|sketch|visuali[sz]e|illustrate|give me|send"
            + "|do you have|is there|any|got|a picture|picture|a diagram|diagram|i'm a visual|i am a visual)\\b)"
            + "(?=.*\\b(?:draw|drawing|diagram|picture|sketch|visual|visuali[sz]e|illustrate|image)\\b).*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int PICTURE_REQUEST_WORDS = 12;
    /** Words a learner uses about the lesson itself, so a question with them is never off the subject. */
    private static final Set<String> LESSON_WORDS = Set.of("example", "mean", "meaning", "explain", "differ",
            "difference", "analogy", "simpler", "simple", "understand", "python", "go", "golang", "code", "work",
            "question", "hint", "word", "term", "use", "useful", "interview", "again");

    private final Curriculum curriculum;
    private final Messages messages;
    private final Lessons lessons;
    private final ConceptVocabulary vocabulary;
    private final Set<String> subjectWords = new HashSet<>();

    LearnerQuestions(Curriculum curriculum, Messages messages, Lessons lessons) {
        this.curriculum = curriculum;
        this.messages = messages;
        this.lessons = lessons;
        this.vocabulary = new ConceptVocabulary(curriculum);
        for (var topic : curriculum.topics()) {
            subjectWords.addAll(ContentWords.setOf(topic.title()));
            for (var concept : topic.concepts()) {
                subjectWords.addAll(vocabulary.words(concept.id()));
                subjectWords.addAll(ContentWords.setOf(concept.check().prompt() + "\n" + concept.check().code()));
            }
        }
        LESSON_WORDS.forEach(word -> subjectWords.add(ContentWords.stem(word)));
    }

    sealed interface Kind {
    }

    /** Not a question: grade it as an answer. */
    record Answer() implements Kind {
    }

    record AboutCurrent() implements Kind {
    }

    record AboutLater(Concept concept) implements Kind {
    }

    record OffTopic() implements Kind {
    }

    /** Wants the answer handed over. */
    record WantsAnswer() implements Kind {
    }

    /** Tries to make the tutor drop its rules. */
    record ChangesRules() implements Kind {
    }

    /** Whether {@code text} asks for a picture of the current concept rather than answering. */
    static boolean asksForPicture(String text) {
        var stripped = text.strip();
        return stripped.split("\\s+").length <= PICTURE_REQUEST_WORDS && PICTURE_REQUEST.matcher(stripped).matches();
    }

    Kind sort(String text, Verdict verdict, String conceptId, Set<String> done) {
        if (verdict.grade() != Verdict.Grade.INCORRECT) {
            return new Answer();
        }
        var stripped = text.strip();
        if (CHANGES_RULES.matcher(stripped).find()) {
            return new ChangesRules();
        }
        if (WANTS_ANSWER.matcher(stripped).find()) {
            return new WantsAnswer();
        }
        if (!OPENS_AS_QUESTION.matcher(stripped).matches() && !ONLY_PUNCTUATION.matcher(stripped).matches()) {
            return new Answer();
        }
        var words = ContentWords.setOf(stripped);
        var later = laterConcept(words, conceptId, done);
        if (later.isPresent()) {
            return new AboutLater(later.get());
        }
        if (!words.isEmpty() && words.stream().noneMatch(subjectWords::contains)) {
            return new OffTopic();
        }
        return new AboutCurrent();
    }

    /**
     * The later concept a question is about: it names the concept (every word of its title), or uses
     * at least two of its rarer words that the current and earlier concepts do not use.
     */
    private Optional<Concept> laterConcept(Set<String> words, String conceptId, Set<String> done) {
        var reached = new HashSet<>(done);
        reached.add(conceptId);
        var known = vocabulary.wordsOf(reached);
        var currentTitle = curriculum.concept(conceptId).map(c -> ContentWords.setOf(c.title())).orElse(Set.of());
        Concept best = null;
        double bestScore = 0;
        for (var concept : curriculum.concepts()) {
            if (reached.contains(concept.id())) {
                continue;
            }
            var overlap = vocabulary.overlap(words, concept.id(), known);
            var title = ContentWords.setOf(concept.title());
            // the whole title counts even when its words are familiar: "multiprocessing and process pools"
            boolean namesIt = !title.isEmpty() && words.containsAll(title) && !currentTitle.containsAll(title);
            double score = overlap.score() + (namesIt ? 2 + title.size() : 0);
            if ((namesIt || (overlap.words().size() >= 2 && overlap.score() >= 1.5)) && score > bestScore) {
                best = concept;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The concepts still to cover before {@code later}, in teaching order, leaving out the current one. */
    List<String> before(Concept later, String conceptId, Set<String> done) {
        var needed = new LinkedHashSet<String>();
        collect(later, needed);
        needed.remove(later.id());
        var titles = new ArrayList<String>();
        for (var concept : curriculum.concepts()) {
            if (needed.contains(concept.id()) && !done.contains(concept.id()) && !concept.id().equals(conceptId)) {
                titles.add(concept.title());
            }
        }
        return titles;
    }

    private void collect(Concept concept, Set<String> needed) {
        if (needed.add(concept.id())) {
            concept.requires().forEach(id -> curriculum.concept(id).ifPresent(required -> collect(required, needed)));
        }
    }

    /**
     * The reply to {@code text} when it is a question: the voice's answer, a deferral, or a steer back,
     * each ending with the open question as written. Empty (with the events of any failed attempt)
     * when the text is to be graded as an answer. Only with a voice: without one, as the contract
     * says, free text while a question is open is the learner's answer.
     */
    Outcome reply(AwaitingAnswer awaiting, Concept concept, String text, Verdict verdict, VoicedReplies voiced) {
        // code the grader ran (its feedback says so) is an answer, never a question to the tutor
        if (!voiced.enabled() || !verdict.feedback().isEmpty()) {
            return new Outcome(Optional.empty(), List.of());
        }
        var done = Set.copyOf(awaiting.progress().done());
        return switch (sort(text, verdict, concept.id(), done)) {
            case Answer answer -> new Outcome(Optional.empty(), List.of());
            case AboutCurrent current -> {
                var attempt = voiced.answerQuestion(awaiting, concept, text);
                var events = new ArrayList<Event>();
                events.add(new Event(Type.LEARNER_QUESTION, concept.id(),
                        attempt.message().isPresent() ? "current" : "current unanswered"));
                events.addAll(attempt.events());
                yield new Outcome(attempt.outbound().map(outbound -> new Turn(awaiting, outbound, events)),
                        events);
            }
            case AboutLater later -> {
                var before = before(later.concept(), concept.id(), done);
                var where = before.isEmpty() ? "" : messages.get("question.later.after", String.join(", ", before));
                var topic = curriculum.topicOf(later.concept().id()).title();
                yield steer(awaiting, concept, "later " + later.concept().id(),
                        messages.get("question.later", later.concept().title(), topic, where));
            }
            case OffTopic offTopic -> steer(awaiting, concept, "off-topic", messages.get("question.off.topic"));
            case WantsAnswer wantsAnswer -> steer(awaiting, concept, "wants-answer",
                    messages.get("question.wants.answer"));
            case ChangesRules changesRules -> steer(awaiting, concept, "changes-rules", messages.get("question.rules"));
        };
    }

    private Outcome steer(AwaitingAnswer awaiting, Concept concept, String detail, String text) {
        var message = lessons.askAgain(concept, text, messages.get("pending.reminder"));
        var turn = new Turn(awaiting, List.of(message), List.of(new Event(Type.LEARNER_QUESTION, concept.id(), detail)));
        return new Outcome(Optional.of(turn), turn.events());
    }

    /** The turn that answers a question, if it was one the tutor answered; the events either way. */
    record Outcome(Optional<Turn> turn, List<Event> events) {
        Outcome {
            events = List.copyOf(events);
        }
    }
}
