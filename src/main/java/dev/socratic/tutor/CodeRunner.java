package dev.socratic.tutor;

/**
 * Runs Python: a learner's code, or an item's code, in a sandbox bounded in time, memory and
 * output. Implementations are thread-safe, never throw for anything the code does, and block
 * for at most a few seconds.
 */
public interface CodeRunner {

    /** For a tutor that runs no code: every run reports that Python is not available. */
    CodeRunner NONE = (code, tests) -> new RunResult.Unavailable("running code is not set up");

    /**
     * Runs {@code code}, then, in the same namespace, each statement of {@code tests} (asserts,
     * possibly with set-up lines between them; empty for none).
     */
    RunResult run(String code, String tests);
}
