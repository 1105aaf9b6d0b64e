package dev.socratic.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole tutor in console mode, with the real Python sandbox, on a write-code and a predict-output question. */
class ConsoleRunsCodeTest {

    @TempDir
    Path folder;

    @Test
    void aLearnersCodeIsRunAgainstTheTestsAndAnAnsweredPredictionCanBeRun() {
        var env = Map.of("TUTOR_DB", folder.resolve("tutor.db").toString(),
                "TUTOR_CURRICULUM", "src/test/resources/fixture-code-curriculum");
        var input = """
                /start
                def count_words(text): return {}
                count_words = lambda text: {w: text.split().count(w) for w in text.split()}
                /next
                0 1 4
                /run
                """;
        var out = new ByteArrayOutputStream();

        int status = Main.run(new String[0], env, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "I ran your code. It passes 1 of the checks, then this one fails:",
                "assert count_words(\"a b a\") == {\"a\": 2, \"b\": 1}",
                "There, count_words(\"a b a\") gives {}.",
                "Hint 1 of 2:",
                "I ran your code against 3 checks: every one passes.",
                "[Run it ▶]  (type /run)",
                "Here is what it really prints:\n\n```python\n0\n1\n4\n```");
    }
}
