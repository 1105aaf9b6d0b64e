package dev.socratic.tutor;

import java.util.Objects;

/** How a run of Python ended. Every case carries what the program printed, cut to a bounded length. */
public sealed interface RunResult {

    /** Standard output and standard error, interleaved as printed. */
    String output();

    /** The code ran to the end, and so did every test statement; {@code checks} counts the asserts. */
    record Passed(String output, int checks) implements RunResult {
        public Passed {
            output = Objects.requireNonNullElse(output, "");
        }
    }

    /**
     * A test statement failed.
     *
     * @param statement    the statement as written in the tests, with its comment
     * @param expression   for a failed comparison, its left side as written (the learner's side); else ""
     * @param actual       what {@code expression} evaluated to, as Python's repr; else ""
     * @param error        when the statement raised rather than failed, "Type: message"; else ""
     * @param checksPassed asserts that passed before this one
     */
    record TestFailed(String output, String statement, String expression, String actual, String error,
                      int checksPassed) implements RunResult {
        public TestFailed {
            output = Objects.requireNonNullElse(output, "");
            statement = Objects.requireNonNullElse(statement, "");
            expression = Objects.requireNonNullElse(expression, "");
            actual = Objects.requireNonNullElse(actual, "");
            error = Objects.requireNonNullElse(error, "");
        }
    }

    /** The code itself raised {@code type} at {@code line} of the code (0 when not known). */
    record Raised(String output, String type, String message, int line) implements RunResult {
        public Raised {
            output = Objects.requireNonNullElse(output, "");
            Objects.requireNonNull(type, "type");
            message = Objects.requireNonNullElse(message, "");
        }
    }

    /** Python could not read the code; {@code text} is the offending line. */
    record InvalidSyntax(int line, String message, String text) implements RunResult {
        public InvalidSyntax {
            message = Objects.requireNonNullElse(message, "");
            text = Objects.requireNonNullElse(text, "");
        }

        @Override
        public String output() {
            return "";
        }
    }

    /**
     * The run was stopped for using too much of something.
     *
     * @param statement the test statement that was running, "" when it was the code itself
     */
    record LimitExceeded(String output, Limit limit, String statement) implements RunResult {
        public LimitExceeded {
            output = Objects.requireNonNullElse(output, "");
            Objects.requireNonNull(limit, "limit");
            statement = Objects.requireNonNullElse(statement, "");
        }
    }

    /** The code reached for something the sandbox does not have. */
    record Forbidden(String output, Resource resource) implements RunResult {
        public Forbidden {
            output = Objects.requireNonNullElse(output, "");
            Objects.requireNonNull(resource, "resource");
        }
    }

    /** Nothing ran: every runner stayed busy for as long as the caller could wait. */
    record Busy() implements RunResult {
        @Override
        public String output() {
            return "";
        }
    }

    /** Nothing ran: Python cannot start here; {@code reason} says why, for the log. */
    record Unavailable(String reason) implements RunResult {
        public Unavailable {
            reason = Objects.requireNonNullElse(reason, "");
        }

        @Override
        public String output() {
            return "";
        }
    }

    enum Limit { TIME, MEMORY, OUTPUT, THREADS }

    enum Resource { FILES, NETWORK, PROCESSES, HOST, NATIVE_CODE }
}
