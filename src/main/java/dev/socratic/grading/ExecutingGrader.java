package dev.socratic.grading;

import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Question;
import dev.socratic.tutor.CodeRunner;
import dev.socratic.tutor.Grader;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.RunReply;
import dev.socratic.tutor.RunResult;
import dev.socratic.tutor.RunResult.Busy;
import dev.socratic.tutor.RunResult.Forbidden;
import dev.socratic.tutor.RunResult.InvalidSyntax;
import dev.socratic.tutor.RunResult.Limit;
import dev.socratic.tutor.RunResult.LimitExceeded;
import dev.socratic.tutor.RunResult.Passed;
import dev.socratic.tutor.RunResult.Unavailable;
import dev.socratic.tutor.Verdict;
import dev.socratic.tutor.Verdict.Grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grades write-code answers by running them: the learner's code, then the item's tests. Every
 * test passing is correct; otherwise the verdict carries what failed. Other kinds of question,
 * and items the sandbox cannot run (a missing module, the network, too slow), go to the
 * {@code fallback} grader, with a note saying why.
 */
public final class ExecutingGrader implements Grader {

    private final Grader fallback;
    private final CodeRunner runner;
    private final Messages messages;
    private final RunFeedback feedback;
    private final RunReply reply;
    /** Whether an item's own solution passes in the sandbox: asked only when a learner's run fails in a way the sandbox may cause. */
    private final Map<Question, RunResult> solutionRuns = new ConcurrentHashMap<>();

    public ExecutingGrader(Grader fallback, CodeRunner runner, Messages messages) {
        this.fallback = fallback;
        this.runner = runner;
        this.messages = messages;
        this.feedback = new RunFeedback(messages);
        this.reply = new RunReply(messages);
    }

    @Override
    public Verdict grade(Question question, String answer) {
        if (question.kind() != CheckKind.WRITE_CODE || question.tests().isEmpty()) {
            return fallback.grade(question, answer);
        }
        if (!question.requiresPackages().isEmpty()) {
            return cannotRun(question, answer, messages.get("obstacle.module", String.join(", ", question.requiresPackages())));
        }
        var code = SubmittedCode.of(answer);
        var result = runner.run(code, question.tests());
        return switch (result) {
            case Passed passed -> new Verdict(Grade.CORRECT, List.of(), feedback.of(passed, code));
            case Busy busy -> withNote(fallback.grade(question, answer), messages.get("code.busy"));
            case Unavailable unavailable -> cannotRun(question, answer, reply.obstacle(unavailable));
            case InvalidSyntax syntax -> new Verdict(Grade.INCORRECT, question.keyPoints(),
                    feedback.of(syntax, code), false);
            default -> {
                var solution = mayBeTheSandbox(result) ? solutionRun(question) : null;
                if (solution != null && !(solution instanceof Passed)) {
                    yield cannotRun(question, answer, reply.obstacle(solution));
                }
                var passedSome = result instanceof RunResult.TestFailed failed && failed.checksPassed() > 0;
                yield new Verdict(passedSome ? Grade.PARTIAL : Grade.INCORRECT, question.keyPoints(),
                        feedback.of(result, code));
            }
        };
    }

    /** A missing module, a closed door or a timeout may be the sandbox's doing rather than the learner's. */
    private static boolean mayBeTheSandbox(RunResult result) {
        return RunReply.missingModule(result).isPresent() || result instanceof Forbidden
                || result instanceof LimitExceeded exceeded && exceeded.limit() == Limit.TIME;
    }

    private RunResult solutionRun(Question question) {
        var known = solutionRuns.get(question);
        if (known != null) {
            return known;
        }
        var result = runner.run(question.answer(), question.tests());
        if (!(result instanceof Busy || result instanceof Unavailable)) {
            solutionRuns.put(question, result);
        }
        return result;
    }

    private Verdict cannotRun(Question question, String answer, String why) {
        return withNote(fallback.grade(question, answer), messages.get("code.cannot.run", why));
    }

    private static Verdict withNote(Verdict verdict, String note) {
        var blocks = new ArrayList<>(verdict.feedback());
        blocks.addFirst(new Paragraph(note));
        return new Verdict(verdict.grade(), verdict.missingKeyPoints(), blocks);
    }
}
