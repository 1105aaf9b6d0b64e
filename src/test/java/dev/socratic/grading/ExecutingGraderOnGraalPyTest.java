package dev.socratic.grading;

import dev.socratic.Fixtures;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.curriculum.Question;
import dev.socratic.sandbox.GraalPyRunner;
import dev.socratic.sandbox.SandboxLimits;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Verdict.Grade;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real curriculum items, graded by running learners' answers in the real sandbox, verdict and words included. */
class ExecutingGraderOnGraalPyTest {

    private static final Curriculum CURRICULUM =
            new CurriculumLoader().load(Path.of(System.getProperty("curriculum.dir", "curriculum")));
    private static final Messages MESSAGES = Messages.load();
    private static GraalPyRunner python;
    private static ExecutingGrader grader;

    private final Question tokenBucket = CURRICULUM.require("token-bucket").check();

    @BeforeAll
    static void startPython() {
        // generous limits: every answer here ends on its own, so no verdict depends on the machine's speed
        python = new GraalPyRunner(SandboxLimits.defaults().withTime(Duration.ofMinutes(2)).withMaxWait(Duration.ofMinutes(5)));
        grader = new ExecutingGrader(new KeyPointGrader(), python, MESSAGES);
    }

    @AfterAll
    static void stopPython() {
        python.close();
    }

    private static String text(List<Block> blocks) {
        return String.join("\n", blocks.stream().map(Block::text).toList());
    }

    @Test
    void theModelSolutionSentAsATelegramCodeBlockIsCorrect() {
        var verdict = grader.grade(tokenBucket, "```python\n" + tokenBucket.answer() + "\n```");

        assertThat(verdict.grade()).isEqualTo(Grade.CORRECT);
        assertThat(verdict.feedback()).containsExactly(new Paragraph(MESSAGES.get("code.passed", 5)));
    }

    @Test
    void aBucketThatNeverRefillsHearsWhichCaseFailsAndWhatItGave() {
        var verdict = grader.grade(tokenBucket, Fixtures.NEVER_REFILLING_BUCKET);

        assertThat(verdict.grade()).isEqualTo(Grade.PARTIAL);
        assertThat(verdict.feedback()).containsExactly(
                new Paragraph(MESSAGES.get("code.failed", 2)),
                new Code("assert b.allow() is True"),
                new Paragraph("There, b.allow() gives False."),
                new Paragraph(MESSAGES.get("code.failed.ask")));
    }

    @Test
    void aSyntaxErrorIsOneLine() {
        var verdict = grader.grade(tokenBucket, "class TokenBucket\n    pass\n");

        assertThat(verdict.feedback()).containsExactly(
                new Paragraph("Python can't read line 1 (class TokenBucket): expected ':'. Can you see why?"));
    }

    @Test
    void shellingOutIsRefusedWithAQuestionNotACrash() {
        var verdict = grader.grade(tokenBucket, "import os\nos.system('cat /etc/passwd')\n");

        assertThat(verdict.grade()).isEqualTo(Grade.INCORRECT);
        assertThat(verdict.feedback()).containsExactly(new Paragraph(MESSAGES.get("code.forbidden", "other programs")));
    }

    @Test
    void anItemThatNeedsSqliteIsGradedWithoutRunningAndSaysWhy() {
        var savepoints = CURRICULUM.require("savepoints-in-python").check();

        var verdict = grader.grade(savepoints, savepoints.answer().replace("savepoint", "sp"));

        assertThat(text(verdict.feedback())).isEqualTo(MESSAGES.get("code.cannot.run",
                "it needs sqlite3, which my sandbox doesn't have"));
    }
}
