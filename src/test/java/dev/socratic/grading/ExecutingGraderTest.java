package dev.socratic.grading;

import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.curriculum.Question;
import dev.socratic.tutor.CodeRunner;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.RunResult;
import dev.socratic.tutor.Verdict;
import dev.socratic.tutor.Verdict.Grade;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Write-code answers graded by running them (the runner is a fake here; GraalPyRunnerTest runs them for real). */
class ExecutingGraderTest {

    private static final Curriculum CURRICULUM =
            new CurriculumLoader().load(Path.of("src/test/resources/fixture-code-curriculum"));
    private final Messages messages = Messages.load();
    private final Question wordCount = CURRICULUM.require("word-count").check();

    /** Replies with scripted results, in order, and remembers what it ran. */
    private static final class ScriptedRunner implements CodeRunner {
        final Deque<RunResult> replies = new ArrayDeque<>();
        final List<String> ran = new ArrayList<>();

        ScriptedRunner(RunResult... replies) {
            this.replies.addAll(List.of(replies));
        }

        @Override
        public RunResult run(String code, String tests) {
            ran.add(code);
            return replies.size() > 1 ? replies.poll() : replies.peek();
        }
    }

    private ExecutingGrader grader(CodeRunner runner) {
        return new ExecutingGrader(new KeyPointGrader(), runner, messages);
    }

    private static String text(List<Block> blocks) {
        return String.join("\n", blocks.stream().map(Block::text).toList());
    }

    @Test
    void allChecksPassingIsCorrect() {
        var verdict = grader(new ScriptedRunner(new RunResult.Passed("", 3))).grade(wordCount, "def count_words(t): ...");

        assertThat(verdict.grade()).isEqualTo(Grade.CORRECT);
        assertThat(verdict.feedback()).containsExactly(new Paragraph(messages.get("code.passed", 3)));
    }

    @Test
    void theCodeInsideFencesIsWhatRuns() {
        var runner = new ScriptedRunner(new RunResult.Passed("", 3));

        grader(runner).grade(wordCount, "my go:\n```python\ndef count_words(t):\n    return {}\n```");

        assertThat(runner.ran).containsExactly("def count_words(t):\n    return {}");
    }

    @Test
    void aFailedCaseIsShownWithWhatTheCodeGaveAndAQuestionButNeverTheSolution() {
        var failed = new RunResult.TestFailed("", "assert count_words(\"a b a\") == {\"a\": 2, \"b\": 1}",
                "count_words(\"a b a\")", "{'a': 1, 'b': 1}", "", 1);

        var verdict = grader(new ScriptedRunner(failed)).grade(wordCount, "def count_words(t): ...");

        assertThat(verdict.grade()).isEqualTo(Grade.PARTIAL);
        assertThat(verdict.feedback()).containsExactly(
                new Paragraph(messages.get("code.failed", 1)),
                new Code("assert count_words(\"a b a\") == {\"a\": 2, \"b\": 1}"),
                new Paragraph("There, count_words(\"a b a\") gives {'a': 1, 'b': 1}."),
                new Paragraph(messages.get("code.failed.ask")));
        assertThat(text(verdict.feedback())).doesNotContain("counts.get(word, 0)");
    }

    @Test
    void theFirstCaseFailingIsIncorrectAndAnErrorInATestIsNamed() {
        var failed = new RunResult.TestFailed("debug\n", "assert count_words(\"\") == {}", "", "",
                "TypeError: 'NoneType' object is not iterable", 0);

        var verdict = grader(new ScriptedRunner(failed)).grade(wordCount, "def count_words(t): ...");

        assertThat(verdict.grade()).isEqualTo(Grade.INCORRECT);
        assertThat(text(verdict.feedback())).contains(messages.get("code.failed.first"),
                "Running that raised TypeError: 'NoneType' object is not iterable.", messages.get("code.printed"),
                "debug").endsWith(messages.get("code.failed.ask"));
    }

    @Test
    void aNameTheTaskAskedForThatTheCodeNeverDefinesIsPointedOut() {
        var failed = new RunResult.TestFailed("", "assert count_words(\"\") == {}", "", "",
                "NameError: name 'count_words' is not defined", 0);

        var verdict = grader(new ScriptedRunner(failed)).grade(wordCount, "def count(t): ...");

        assertThat(text(verdict.feedback())).endsWith(messages.get("code.undefined", "count_words"));
    }

    @Test
    void aSyntaxErrorIsExplainedInOneLine() {
        var verdict = grader(new ScriptedRunner(new RunResult.InvalidSyntax(1, "expected ':'", "def count_words(t)")))
                .grade(wordCount, "def count_words(t)\n    return {}");

        assertThat(verdict.grade()).isEqualTo(Grade.INCORRECT);
        assertThat(verdict.feedback()).containsExactly(
                new Paragraph("Python can't read line 1 (def count_words(t)): expected ':'. Can you see why?"));
        assertThat(verdict.attempt()).as("a typo to fix, not a wrong idea").isFalse();
    }

    @Test
    void anErrorInTheCodeShowsTheLearnersOwnLine() {
        var verdict = grader(new ScriptedRunner(new RunResult.Raised("", "ZeroDivisionError", "division by zero", 2)))
                .grade(wordCount, "x = 1\ny = x / 0\n");

        assertThat(verdict.feedback()).containsExactly(
                new Paragraph(messages.get("code.raised", 2, "ZeroDivisionError: division by zero")),
                new Code("y = x / 0"),
                new Paragraph(messages.get("code.raised.ask")));
    }

    @Test
    void aTimeoutNamesTheCheckThatNeverFinished() {
        var runner = new ScriptedRunner(new RunResult.LimitExceeded("", RunResult.Limit.TIME, "assert count_words(\"a b a\") == {}"),
                new RunResult.Passed("", 3));

        var verdict = grader(runner).grade(wordCount, "def count_words(t):\n    while True: pass");

        assertThat(verdict.grade()).isEqualTo(Grade.INCORRECT);
        assertThat(verdict.feedback()).containsExactly(new Paragraph(messages.get("code.timeout")),
                new Paragraph(messages.get("code.timeout.at")), new Code("assert count_words(\"a b a\") == {}"),
                new Paragraph(messages.get("code.timeout.ask")));
    }

    @Test
    void reachingOutsideTheSandboxIsExplainedWhenTheSolutionNeedsNoSuchThing() {
        var runner = new ScriptedRunner(new RunResult.Forbidden("", RunResult.Resource.FILES), new RunResult.Passed("", 3));

        var verdict = grader(runner).grade(wordCount, "open('/etc/passwd')");

        assertThat(runner.ran).containsExactly("open('/etc/passwd')", wordCount.answer());
        assertThat(verdict.feedback()).containsExactly(new Paragraph(messages.get("code.forbidden", "files")));
    }

    @Nested
    class ItemsTheSandboxCannotRun {

        private final Question needsSqlite = new Question(CheckKind.WRITE_CODE, "Write save(db)", "",
                "import sqlite3\ndef save(db): ...", List.of("a transaction"), List.of("What commits?"), List.of(),
                "assert save(None) is None", List.of());

        @Test
        void areGradedAsBeforeWithANoteSayingWhy() {
            var missing = new RunResult.Raised("", "ModuleNotFoundError", "No module named '_sqlite3'", 1);
            var runner = new ScriptedRunner(missing);

            var verdict = grader(runner).grade(needsSqlite, "import sqlite3\ndef save(db): pass");

            assertThat(verdict.grade()).isEqualTo(Grade.INCORRECT);
            assertThat(verdict.feedback()).containsExactly(new Paragraph(messages.get("code.cannot.run",
                    "it needs sqlite3, which my sandbox doesn't have")));
        }

        @Test
        void areFoundOutByRunningTheirSolutionOnlyOnce() {
            var missing = new RunResult.Raised("", "ModuleNotFoundError", "No module named '_sqlite3'", 1);
            var runner = new ScriptedRunner(missing);
            var grader = grader(runner);

            grader.grade(needsSqlite, "import sqlite3");
            grader.grade(needsSqlite, "import sqlite3 as s");

            assertThat(runner.ran).containsExactly("import sqlite3", needsSqlite.answer(), "import sqlite3 as s");
        }

        @Test
        void includeThoseNeedingThirdPartyPackagesWhichAreNeverRun() {
            var fastapi = new Question(CheckKind.WRITE_CODE, "Write an app", "", "app = ...", List.of(), List.of(),
                    List.of(), "assert app", List.of("fastapi"));
            var runner = new ScriptedRunner(new RunResult.Passed("", 1));

            var verdict = grader(runner).grade(fastapi, "app = 1");

            assertThat(runner.ran).isEmpty();
            assertThat(text(verdict.feedback())).contains("it needs fastapi");
        }

        @Test
        void aTyposModuleIsTheLearnersWhenTheSolutionRuns() {
            var runner = new ScriptedRunner(new RunResult.Raised("", "ModuleNotFoundError", "No module named 'colections'", 1),
                    new RunResult.Passed("", 3));

            var verdict = grader(runner).grade(wordCount, "import colections");

            assertThat(text(verdict.feedback())).contains("ModuleNotFoundError: No module named 'colections'");
        }
    }

    @Test
    void whenTheSandboxIsBusyTheAnswerIsJudgedAsBeforeWithANote() {
        var verdict = grader(new ScriptedRunner(new RunResult.Busy())).grade(wordCount, wordCount.answer());

        assertThat(verdict.grade()).isEqualTo(Grade.CORRECT);
        assertThat(verdict.feedback()).containsExactly(new Paragraph(messages.get("code.busy")));
    }

    @Test
    void otherKindsOfQuestionAreLeftToTheOtherGrader() {
        var runner = new ScriptedRunner(new RunResult.Passed("", 1));
        var squares = CURRICULUM.require("squares").check();

        assertThat(grader(runner).grade(squares, "0 1 4")).isEqualTo(Verdict.correct());
        assertThat(runner.ran).isEmpty();
    }
}
