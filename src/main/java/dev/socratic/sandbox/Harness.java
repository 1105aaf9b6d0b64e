package dev.socratic.sandbox;

import dev.socratic.tutor.RunResult;
import dev.socratic.tutor.RunResult.Limit;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Python side of a run (harness.py) and the reading of what it reports. */
final class Harness {

    /** One Source for every context: the engine parses it once and shares the result. */
    static final Source SOURCE = load();

    private Harness() {
    }

    static RunResult read(Value report, String output) {
        var kind = text(report, "kind");
        return switch (kind) {
            case "passed" -> new RunResult.Passed(output, number(report, "checks"));
            case "syntax" -> new RunResult.InvalidSyntax(number(report, "line"), text(report, "message"),
                    text(report, "text"));
            case "raised" -> raised(output, text(report, "type"), text(report, "message"), number(report, "line"));
            case "failed" -> failed(output, report);
            default -> throw new IllegalStateException("the harness reported '" + kind + "'");
        };
    }

    static RunResult raised(String output, String type, String message, int line) {
        if (type.equals("MemoryError")) {
            return new RunResult.LimitExceeded(output, Limit.MEMORY, "");
        }
        return Escapes.of(type, message)
                .<RunResult>map(resource -> new RunResult.Forbidden(output, resource))
                .orElseGet(() -> new RunResult.Raised(output, type, message, line));
    }

    private static RunResult failed(String output, Value report) {
        var statement = text(report, "statement");
        var error = text(report, "error");
        if (error.startsWith("MemoryError")) {
            return new RunResult.LimitExceeded(output, Limit.MEMORY, statement);
        }
        return Escapes.ofDescribed(error)
                .<RunResult>map(resource -> new RunResult.Forbidden(output, resource))
                .orElseGet(() -> new RunResult.TestFailed(output, statement, text(report, "expression"),
                        text(report, "actual"), error, number(report, "passed")));
    }

    private static String text(Value report, String key) {
        var value = report.getHashValue(key);
        return value != null && value.isString() ? value.asString() : "";
    }

    private static int number(Value report, String key) {
        try {
            return Integer.parseInt(text(report, key));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Source load() {
        try (var in = Harness.class.getResourceAsStream("harness.py")) {
            if (in == null) {
                throw new IllegalStateException("harness.py is missing from the class path");
            }
            return Source.newBuilder("python", new String(in.readAllBytes(), StandardCharsets.UTF_8), "harness.py")
                    .buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read harness.py", e);
        }
    }
}
