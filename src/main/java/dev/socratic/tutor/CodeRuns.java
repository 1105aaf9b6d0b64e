package dev.socratic.tutor;

import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Question;
import dev.socratic.tutor.Outbound.Button;
import dev.socratic.tutor.Outbound.Message;

import java.util.List;

/**
 * The Run button: once a predict-output question is answered, its code runs for real and the
 * learner compares the output with their prediction. Never before the answer is in.
 */
final class CodeRuns {

    /** The Run button's data after a lesson's check. */
    static final String RUN = "run";

    private final CodeRunner runner;
    private final Messages messages;
    private final Lessons lessons;
    private final RunReply reply;

    CodeRuns(CodeRunner runner, Messages messages, Lessons lessons) {
        this.runner = runner;
        this.messages = messages;
        this.lessons = lessons;
        this.reply = new RunReply(messages);
    }

    /** Whether {@code question} has code to run here: predict-output, with code, and a sandbox. */
    boolean runnable(Question question) {
        return runner != CodeRunner.NONE && question.kind() == CheckKind.PREDICT_OUTPUT && question.hasCode();
    }

    /** Whether a Run button is offered for {@code question}: runnable, and needing no package the sandbox lacks. */
    boolean offered(Question question) {
        return runnable(question) && question.requiresPackages().isEmpty();
    }

    /** The reply to an answered question with Ready, and Run first when its code can be run. */
    Message withButtons(Message message, Question answered) {
        if (!offered(answered)) {
            return lessons.withReadyButton(message);
        }
        return new Message(message.blocks(), List.of(new Button(messages.get("button.run"), RUN),
                new Button(messages.get("button.ready"), Lessons.READY)));
    }

    /** What a lesson check's code really prints, with the Ready button. */
    Message lessonOutput(Question question) {
        return lessons.withReadyButton(reply.of(runner.run(question.code(), "")));
    }

    /** What a finished quiz item's code really prints; what comes next is said by the message after it. */
    Message quizOutput(Question question) {
        return reply.of(runner.run(question.code(), ""), ".quiz");
    }
}
