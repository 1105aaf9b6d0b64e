package dev.socratic.tutor;

import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.RunResult.Busy;
import dev.socratic.tutor.RunResult.Forbidden;
import dev.socratic.tutor.RunResult.Limit;
import dev.socratic.tutor.RunResult.LimitExceeded;
import dev.socratic.tutor.RunResult.Passed;
import dev.socratic.tutor.RunResult.Raised;
import dev.socratic.tutor.RunResult.TestFailed;
import dev.socratic.tutor.RunResult.Unavailable;

import java.util.ArrayList;
import java.util.Optional;
import java.util.regex.Pattern;

/** Says what a run of authored code showed: its real output, or why the sandbox could not finish it. */
public final class RunReply {

    private static final Pattern MISSING_MODULE = Pattern.compile("No module named '_?([\\w.]+)'");

    private final Messages messages;

    public RunReply(Messages messages) {
        this.messages = messages;
    }

    /** The Run button's answer after a lesson's check; ends by asking, with the Ready button below. */
    Message of(RunResult result) {
        return of(result, "");
    }

    /**
     * The Run button's answer; {@code suffix} picks the closing lines ("" after a lesson's check,
     * ".quiz" after a quiz item, where what comes next is said by the message after it).
     */
    Message of(RunResult result, String suffix) {
        var blocks = new ArrayList<Block>();
        if (result instanceof Passed passed) {
            if (passed.output().isBlank()) {
                blocks.add(new Paragraph(messages.get("run.output.none")));
            } else {
                blocks.add(new Paragraph(messages.get("run.output")));
                blocks.add(new Code(passed.output().stripTrailing()));
            }
            blocks.add(new Paragraph(messages.get("run.match" + suffix)));
        } else {
            // the curriculum's own code runs to the end on Python 3.12 (a test checks it), so a run
            // that stops early here met a limit of the sandbox, not a bug in the code
            blocks.add(new Paragraph(messages.get("run.cannot" + suffix, obstacle(result))));
        }
        return new Message(blocks, java.util.List.of());
    }

    /**
     * Why the sandbox, rather than the code, may have kept a run from finishing, as the end of
     * "I can't run this one here: ...".
     */
    public String obstacle(RunResult result) {
        var module = missingModule(result);
        if (module.isPresent()) {
            return messages.get("obstacle.module", module.get());
        }
        return switch (result) {
            case Forbidden forbidden -> messages.get("obstacle.resource",
                    messages.get("resource." + forbidden.resource().name()));
            case LimitExceeded exceeded when exceeded.limit() == Limit.TIME -> messages.get("obstacle.time");
            case Busy busy -> messages.get("obstacle.busy");
            case Unavailable unavailable -> messages.get("obstacle.unavailable");
            default -> messages.get("obstacle.other");
        };
    }

    /** The module a run could not import ("sqlite3" for GraalPy's missing "_sqlite3"), if that is how it ended. */
    public static Optional<String> missingModule(RunResult result) {
        var error = switch (result) {
            case Raised raised when raised.type().equals("ModuleNotFoundError") -> raised.message();
            case TestFailed failed when failed.error().startsWith("ModuleNotFoundError") -> failed.error();
            default -> "";
        };
        var matcher = MISSING_MODULE.matcher(error);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
