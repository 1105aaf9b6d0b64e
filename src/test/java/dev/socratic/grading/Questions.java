package dev.socratic.grading;

import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Question;

import java.util.List;

/** Small questions for the grader tests, built in one place. */
final class Questions {

    private Questions() {
    }

    static Question of(CheckKind kind, String prompt, String answer, List<String> keyPoints) {
        return new Question(kind, prompt, "", answer, keyPoints, List.of("A hint?"), List.of(), "", List.of());
    }

    static Question choice(String prompt, List<String> choices, String answer) {
        return new Question(CheckKind.MULTIPLE_CHOICE, prompt, "", answer, List.of(), List.of(), choices, "", List.of());
    }

    /** Shaped like the curriculum's threads-vs-processes check. */
    static Question threadsAndProcesses() {
        return of(CheckKind.EXPLAIN_BACK,
                "Two threads in the same program both append to one list called items. Does each thread see the "
                        + "other's items? Now make them two processes instead of two threads. Same answer? Why?",
                "Threads: yes. They share their process's memory, so there is only one items list and both append "
                        + "to it. Processes: no. Each process has its own memory, so each appends to its own copy; to "
                        + "combine results they must send data to each other.",
                List.of("threads share the same memory, so it is one list",
                        "each process has its own memory and its own copy of the list",
                        "processes must send data to each other to share it"));
    }

    /** Shaped like the curriculum's offsets-and-commits check. */
    static Question offsetsAndCommits() {
        return of(CheckKind.SPOT_THE_BUG,
                "After each deploy restarts the consumers, a few payments are missing from the database, but none "
                        + "is ever applied twice. Find the bug.",
                "The offset is committed before the message is applied. If apply raises or the process is killed "
                        + "after the commit, the restarted consumer resumes after that message and never applies it: "
                        + "at-most-once, so messages are lost but never duplicated. Apply first and commit afterwards "
                        + "(at-least-once), and make apply idempotent to absorb the redeliveries.",
                List.of("commit happens before processing", "a crash after the commit skips the message",
                        "process first, then commit"));
    }
}
