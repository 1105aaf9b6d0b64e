package dev.socratic.tutor;

import java.util.Objects;

/**
 * A quiz question the learner has been asked and not yet finished.
 *
 * @param id        the learner's quiz number; its buttons carry it, so a press on an older quiz's button is recognised
 * @param item      index into the concept's quiz items ({@link QuizItems#of})
 * @param hintsUsed hints given so far
 * @param attempts  answers graded so far
 * @param sofar     what the learner said that was partly right ({@link AnswerSoFar}); "" if nothing
 */
public record OpenQuiz(long id, String conceptId, int item, int hintsUsed, int attempts, String sofar) {

    public OpenQuiz(long id, String conceptId, int item, int hintsUsed, int attempts) {
        this(id, conceptId, item, hintsUsed, attempts, "");
    }

    public OpenQuiz {
        sofar = AnswerSoFar.keep(sofar);
        Objects.requireNonNull(conceptId, "conceptId");
        if (id < 1 || item < 0 || hintsUsed < 0 || attempts < 0) {
            throw new IllegalArgumentException("impossible quiz: " + id + "/" + item + "/" + hintsUsed + "/" + attempts);
        }
    }

    OpenQuiz hinted() {
        return new OpenQuiz(id, conceptId, item, hintsUsed + 1, attempts, sofar);
    }

    OpenQuiz attempted() {
        return new OpenQuiz(id, conceptId, item, hintsUsed, attempts + 1, sofar);
    }

    OpenQuiz saying(String newSofar) {
        return new OpenQuiz(id, conceptId, item, hintsUsed, attempts, newSofar);
    }
}
