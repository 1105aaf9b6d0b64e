package dev.socratic.grading;

import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.RunResult;
import dev.socratic.tutor.RunResult.Busy;
import dev.socratic.tutor.RunResult.Forbidden;
import dev.socratic.tutor.RunResult.InvalidSyntax;
import dev.socratic.tutor.RunResult.LimitExceeded;
import dev.socratic.tutor.RunResult.Passed;
import dev.socratic.tutor.RunResult.Raised;
import dev.socratic.tutor.RunResult.TestFailed;
import dev.socratic.tutor.RunResult.Unavailable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells a learner what running their code showed, Socratically: which check failed and what
 * their code gave there, then a question that points at why. Never the fixed code.
 */
final class RunFeedback {

    /** A line of the learner's own output is plenty; the whole of it would bury the point. */
    private static final int SHOWN_OUTPUT_LINES = 12;
    /** A check that names what the task asked for, which the learner's code never defined. */
    private static final Pattern UNDEFINED = Pattern.compile("^NameError: name '(\\w+)' is not defined");

    private final Messages messages;

    RunFeedback(Messages messages) {
        this.messages = messages;
    }

    List<Block> of(RunResult result, String code) {
        return switch (result) {
            case Passed passed -> List.of(new Paragraph(passed.checks() > 0
                    ? messages.get("code.passed", passed.checks()) : messages.get("code.passed.none")));
            case TestFailed failed -> failed(failed);
            case Raised raised -> raised(raised, code);
            case InvalidSyntax syntax -> List.of(new Paragraph(messages.get("code.syntax", syntax.line(),
                    syntax.text(), syntax.message())));
            case LimitExceeded exceeded -> exceeded(exceeded);
            case Forbidden forbidden -> List.of(new Paragraph(messages.get("code.forbidden",
                    messages.get("resource." + forbidden.resource().name()))));
            case Busy busy -> List.of(new Paragraph(messages.get("code.busy")));
            case Unavailable unavailable -> List.of(new Paragraph(messages.get("code.cannot.run",
                    messages.get("obstacle.unavailable"))));
        };
    }

    private List<Block> failed(TestFailed failed) {
        var blocks = new ArrayList<Block>();
        blocks.add(new Paragraph(failed.checksPassed() == 0 ? messages.get("code.failed.first")
                : messages.get("code.failed", failed.checksPassed())));
        blocks.add(new Code(failed.statement()));
        if (failed.error().startsWith("RecursionError")) {
            blocks.add(new Paragraph(messages.get("code.recursion")));
            return blocks;
        }
        var undefined = UNDEFINED.matcher(failed.error());
        if (undefined.find() && failed.statement().contains(undefined.group(1))) {
            blocks.add(new Paragraph(messages.get("code.undefined", undefined.group(1))));
            return blocks;
        }
        if (!failed.error().isEmpty()) {
            blocks.add(new Paragraph(messages.get("code.failed.raised", failed.error())));
        } else if (!failed.expression().isEmpty()) {
            blocks.add(new Paragraph(messages.get("code.failed.gave", failed.expression(), failed.actual())));
        }
        printed(blocks, failed.output());
        blocks.add(new Paragraph(messages.get("code.failed.ask")));
        return blocks;
    }

    private List<Block> raised(Raised raised, String code) {
        if (raised.type().equals("RecursionError")) {
            return List.of(new Paragraph(messages.get("code.recursion")));
        }
        var error = raised.message().isEmpty() ? raised.type() : raised.type() + ": " + raised.message();
        var lines = code.lines().toList();
        if (raised.line() < 1 || raised.line() > lines.size()) {
            var blocks = new ArrayList<Block>();
            blocks.add(new Paragraph(messages.get("code.raised.anywhere", error)));
            printed(blocks, raised.output());
            return blocks;
        }
        var blocks = new ArrayList<Block>();
        blocks.add(new Paragraph(messages.get("code.raised", raised.line(), error)));
        blocks.add(new Code(lines.get(raised.line() - 1).strip()));
        printed(blocks, raised.output());
        blocks.add(new Paragraph(messages.get("code.raised.ask")));
        return blocks;
    }

    private List<Block> exceeded(LimitExceeded exceeded) {
        return switch (exceeded.limit()) {
            case TIME -> {
                var blocks = new ArrayList<Block>();
                blocks.add(new Paragraph(messages.get("code.timeout")));
                if (!exceeded.statement().isEmpty()) {
                    blocks.add(new Paragraph(messages.get("code.timeout.at")));
                    blocks.add(new Code(exceeded.statement()));
                }
                blocks.add(new Paragraph(messages.get("code.timeout.ask")));
                yield blocks;
            }
            case MEMORY -> List.of(new Paragraph(messages.get("code.memory")));
            case OUTPUT -> List.of(new Paragraph(messages.get("code.output")));
            case THREADS -> List.of(new Paragraph(messages.get("code.threads")));
        };
    }

    private void printed(List<Block> blocks, String output) {
        if (output.isBlank()) {
            return;
        }
        var lines = output.stripTrailing().lines().toList();
        var shown = lines.size() <= SHOWN_OUTPUT_LINES ? lines : lines.subList(0, SHOWN_OUTPUT_LINES);
        blocks.add(new Paragraph(messages.get("code.printed")));
        blocks.add(new Code(String.join("\n", shown) + (shown.size() < lines.size() ? "\n…" : "")));
    }
}
