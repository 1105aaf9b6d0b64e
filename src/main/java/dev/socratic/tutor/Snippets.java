package dev.socratic.tutor;

import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Question;
import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Paragraph;
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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Python snippets the voice writes: each one is run in the sandbox before a learner sees it,
 * and what it prints comes from that run, never from the LLM. A snippet that does not run on its
 * own, or whose output the draft states itself, breaks {@link TeachingRule#SNIPPET_RUNS}. Code the
 * tutor itself showed (the question's code) is not a new snippet. Without a code runner the tutor
 * shows no run results and checks nothing here.
 */
final class Snippets {

    static final Snippets NONE = new Snippets(CodeRunner.NONE, null);

    /** "It prints:", "The output is:" — a paragraph that introduces the output the next block claims. */
    private static final Pattern OUTPUT_INTRO = Pattern.compile(
            "(?i)\\b(?:output|outputs|prints?|printed|result|results|gives|shows|displays|see|returns)\\b[^.?!]*:\\s*$");
    /** "# prints 3", "# -> [1, 2]": an output claimed in a comment. */
    private static final Pattern OUTPUT_COMMENT = Pattern.compile(
            "(?i)#\\s*(?:=>|->|→|output\\b|outputs\\b|prints?\\b|printed\\b|result\\b|returns\\b|gives\\b|shows\\b)");
    private static final Pattern REPL = Pattern.compile("(?m)^\\s*>>>");
    /** Code in another language the draft may show for comparison (Go, SQL, a shell): not run. */
    private static final Pattern NOT_PYTHON = Pattern.compile(
            "(?m)^\\s*(?:package \\w|func |go func|defer |type \\w+ (?:struct|interface)|\\w+(?:, \\w+)* :=|var \\w+ \\w)"
                    + "|\\bfmt\\.|\\bchan\\b|^\\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|BEGIN|COMMIT)\\b"
                    + "|^\\s*\\$ |^\\s*(?:pip|curl|docker|kubectl|npm|psql|redis-cli) ");
    private static final int KEPT_RUNS = 256;

    private final CodeRunner runner;
    private final Messages messages;
    private final RecentResults<String, RunResult> runs = new RecentResults<>(KEPT_RUNS);

    Snippets(CodeRunner runner, Messages messages) {
        this.runner = runner;
        this.messages = messages;
    }

    boolean enabled() {
        return runner != CodeRunner.NONE;
    }

    /** The first problem with the draft's snippets, if any; the draft is refused for it. */
    Optional<Violation> check(List<Block> blocks, GuardContext context) {
        if (!enabled()) {
            return Optional.empty();
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (!(blocks.get(i) instanceof Code code) || !isSnippet(code, context.shown())) {
                continue;
            }
            // "It prints:" between a snippet and this block: the block is the voice's idea of the output
            if (i > 1 && blocks.get(i - 1) instanceof Paragraph before && OUTPUT_INTRO.matcher(before.text()).find()
                    && blocks.get(i - 2) instanceof Code) {
                return violation("states what its code prints (\"" + before.text().strip() + "\")");
            }
            if (REPL.matcher(code.text()).find()) {
                return violation("shows a Python prompt session (>>>) instead of a script");
            }
            if (code.text().lines().anyMatch(line -> OUTPUT_COMMENT.matcher(line).find())) {
                return violation("states the output in a comment");
            }
            var problem = problem(run(code.text()));
            if (problem.isPresent()) {
                return violation(problem.get());
            }
            var leak = context.pending().filter(question -> printsTheAnswer(run(code.text()), question));
            if (leak.isPresent()) {
                return Optional.of(new Violation(TeachingRule.NO_ANSWER_LEAK, "a snippet prints the expected output"));
            }
        }
        return Optional.empty();
    }

    /** The blocks, each snippet followed by what it really printed (or raised), from its run. */
    List<Block> withOutcomes(List<Block> blocks, String shown) {
        if (!enabled()) {
            return blocks;
        }
        var out = new ArrayList<Block>();
        for (var block : blocks) {
            out.add(block);
            if (block instanceof Code code && isSnippet(code, shown)) {
                out.addAll(outcome(run(code.text())));
            }
        }
        return out;
    }

    private List<Block> outcome(RunResult result) {
        var blocks = new ArrayList<Block>();
        if (!result.output().isBlank()) {
            blocks.add(new Paragraph(messages.get("snippet.prints")));
            blocks.add(new Code(result.output().stripTrailing()));
        }
        if (result instanceof Raised raised) {
            blocks.add(new Paragraph(messages.get("snippet.raises", errorLine(raised))));
        }
        return blocks;
    }

    private RunResult run(String code) {
        return runs.get(code, source -> runner.run(source, ""),
                result -> !(result instanceof Busy || result instanceof Unavailable));
    }

    private static boolean isSnippet(Code code, String shown) {
        var text = code.text().strip();
        return !text.isEmpty() && !flat(shown).contains(flat(text)) && !NOT_PYTHON.matcher(text).find();
    }

    /** Why a run does not make a snippet a learner may see; empty when it ran (an exception other than a missing name is a real outcome). */
    private static Optional<String> problem(RunResult result) {
        return switch (result) {
            case Passed passed -> Optional.empty();
            case Raised raised when !raised.type().equals("NameError") -> Optional.empty();
            case Raised raised -> Optional.of("is not self-contained: " + errorLine(raised));
            case InvalidSyntax syntax -> Optional.of("is not valid Python: line " + syntax.line() + ", " + syntax.message());
            case LimitExceeded exceeded -> Optional.of("does not finish: " + exceeded.limit().name().toLowerCase(Locale.ROOT) + " limit");
            case Forbidden forbidden -> Optional.of("needs " + forbidden.resource().name().toLowerCase(Locale.ROOT) + ", which snippets cannot use");
            case TestFailed failed -> Optional.of("fails: " + failed.statement());
            case Busy busy -> Optional.of("could not be run now (the sandbox is busy)");
            case Unavailable unavailable -> Optional.of("could not be run (no sandbox)");
        };
    }

    private static boolean printsTheAnswer(RunResult result, Question question) {
        return question.kind() == CheckKind.PREDICT_OUTPUT && result instanceof Passed
                && !result.output().isBlank() && flat(result.output()).equals(flat(question.answer()));
    }

    private static String errorLine(Raised raised) {
        return raised.message().isEmpty() ? raised.type() : raised.type() + ": " + raised.message();
    }

    private static Optional<Violation> violation(String detail) {
        return Optional.of(new Violation(TeachingRule.SNIPPET_RUNS, "a snippet " + detail));
    }

    private static String flat(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
