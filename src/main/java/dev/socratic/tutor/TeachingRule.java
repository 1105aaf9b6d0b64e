package dev.socratic.tutor;

/** The rules every draft of the voice is checked against; each violation is recorded under its name. */
public enum TeachingRule {
    /** No substantive material from a concept the learner has not reached. */
    ONE_CONCEPT,
    /** A teaching or hint message ends by asking the learner something. */
    ENDS_WITH_QUESTION,
    /** The open question's answer is not given away, in words, paraphrase, output or code. */
    NO_ANSWER_LEAK,
    /** A small chunk: a word limit, and no long code block when the learner is to write that code. */
    SMALL_CHUNK,
    /** Only the core grades and advances: no claim about the learner's progress. */
    NO_PROGRESS_CLAIM,
    /** The tutor stays the tutor: no echo of instructions, system prompts or an injection. */
    STAYS_IN_ROLE,
    /** Diagrams reach the learner as pictures, never as Mermaid source in a chat message. */
    NO_DIAGRAM_SOURCE,
    /** The voice's code snippets run on their own in the sandbox, and their output is never the voice's claim. */
    SNIPPET_RUNS
}
