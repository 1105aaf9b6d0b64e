package dev.socratic.bench;

import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;

import java.util.HashSet;
import java.util.Set;

/**
 * A simulated learner who follows the curriculum as the tutor will: it knows which concept is open,
 * so its model answers are the ones the grader accepts. Every turn after the first gets one reply.
 */
final class ScriptedLearner {

    enum Style {
        /** Commands only: /progress and /help. */
        COMMANDS,
        /** A wrong answer, the model answer, then the Ready button: two graded turns in three. */
        ANSWERS,
        /** A wrong answer, /hint, the model answer, the Ready button, /progress. */
        MIXED
    }

    /** One thing to send: a text or a button press, and whether the grader judges it. */
    record Step(String text, String button, boolean graded, int replies) {
    }

    private final long id;
    private final Curriculum curriculum;
    private final Style style;
    private final Set<String> done = new HashSet<>();
    private Concept current;
    private int turn;
    private int correctAcknowledged;

    ScriptedLearner(long id, Curriculum curriculum, Style style) {
        this.id = id;
        this.curriculum = curriculum;
        this.style = style;
        this.current = curriculum.next(Set.of(), "").orElseThrow();
    }

    long id() {
        return id;
    }

    Step next() {
        int index = turn++;
        if (index == 0) {
            return new Step("/start", null, false, 2);
        }
        return switch (style) {
            case COMMANDS -> new Step(index % 2 == 0 ? "/help" : "/progress", null, false, 1);
            case ANSWERS -> switch (index % 3) {
                case 1 -> new Step("I am not sure, something happens somewhere", null, true, 1);
                case 2 -> model();
                default -> ready();
            };
            case MIXED -> switch (index % 5) {
                case 1 -> new Step("I am not sure, something happens somewhere", null, true, 1);
                case 2 -> new Step("/hint", null, false, 1);
                case 3 -> model();
                case 4 -> ready();
                default -> new Step("/progress", null, false, 1);
            };
        };
    }

    private Step model() {
        done.add(current.id());
        return new Step(current.check().answer(), null, true, 1);
    }

    private Step ready() {
        var following = curriculum.next(done, curriculum.topicOf(current.id()).id());
        following.ifPresent(concept -> current = concept);
        return new Step(null, "next", false, 1);
    }

    /** The learner saw the tutor accept an answer: progress that must survive anything. */
    void acknowledgeCorrect() {
        correctAcknowledged++;
    }

    int correctAcknowledged() {
        return correctAcknowledged;
    }
}
