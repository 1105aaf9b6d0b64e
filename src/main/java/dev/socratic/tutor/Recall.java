package dev.socratic.tutor;

import dev.socratic.review.Deck;
import dev.socratic.review.SummarySchedule;

import java.util.Objects;
import java.util.Optional;

/**
 * A learner's spaced-repetition side, kept beside their {@link LearnerState} and committed with it in
 * the same turn: the review cards, the open quiz (a quiz never replaces the pending check, so it is
 * not a state of the lesson), how many quizzes were asked, when the weekly summary is due, and the
 * Run button of the quiz item answered last ({@code quizrun:<item>:<concept>}), which a typed
 * {@code /run} means until the lesson has a newer answer.
 */
public record Recall(Deck deck, Optional<OpenQuiz> quiz, long quizzesAsked, SummarySchedule schedule,
                     Optional<String> lastRun) {

    public static final Recall EMPTY = new Recall(Deck.EMPTY, Optional.empty(), 0, SummarySchedule.DEFAULT);

    public Recall(Deck deck, Optional<OpenQuiz> quiz, long quizzesAsked, SummarySchedule schedule) {
        this(deck, quiz, quizzesAsked, schedule, Optional.empty());
    }

    public Recall {
        Objects.requireNonNull(deck, "deck");
        Objects.requireNonNull(quiz, "quiz");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(lastRun, "lastRun");
        if (quizzesAsked < 0) {
            throw new IllegalArgumentException("quizzesAsked must not be negative");
        }
    }

    Recall withDeck(Deck newDeck) {
        return new Recall(newDeck, quiz, quizzesAsked, schedule, lastRun);
    }

    /** Opens {@code open}, which must carry the next quiz number. */
    Recall asking(OpenQuiz open) {
        return new Recall(deck, Optional.of(open), Math.max(quizzesAsked, open.id()), schedule, Optional.empty());
    }

    Recall withQuiz(OpenQuiz open) {
        return new Recall(deck, Optional.of(open), quizzesAsked, schedule, lastRun);
    }

    Recall withoutQuiz() {
        return new Recall(deck, Optional.empty(), quizzesAsked, schedule, lastRun);
    }

    Recall withSchedule(SummarySchedule newSchedule) {
        return new Recall(deck, quiz, quizzesAsked, newSchedule, lastRun);
    }

    Recall withLastRun(Optional<String> runButton) {
        return new Recall(deck, quiz, quizzesAsked, schedule, runButton);
    }
}
