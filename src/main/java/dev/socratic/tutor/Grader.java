package dev.socratic.tutor;

import dev.socratic.curriculum.Question;

/** Judges a learner's answer to a question. Implementations are thread-safe. */
public interface Grader {

    Verdict grade(Question question, String answer);
}
