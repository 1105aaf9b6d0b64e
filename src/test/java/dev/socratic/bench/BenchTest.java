package dev.socratic.bench;

import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Tutor;
import dev.socratic.tutor.TurnProcessor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short run of the benchmark as a test of the tool: its load, burst, fuzz and SIGKILL soak must
 * lose nothing and repeat nothing. Speed is printed, never asserted.
 */
class BenchTest {

    @Test
    void aQuickRunKeepsEveryPromiseAndPrintsEveryFigure() throws Exception {
        var curriculum = new CurriculumLoader().loadBundled();
        var printed = new ByteArrayOutputStream();
        var bench = new Bench(BenchOptions.QUICK, curriculum, database -> new TurnProcessor(
                new Tutor(curriculum, new KeyPointGrader(), Messages.load()),
                new SqliteLearnerStore(database, Clock.systemUTC())), new PrintStream(printed, true, StandardCharsets.UTF_8));

        var violations = bench.run();

        var output = printed.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        assertThat(violations).isEmpty();
        assertThat(output).contains("bench startup first_reply_ms=", "bench load commands", "bench load answers",
                "bench load mixed", "bench memory", "bench database", "bench burst", "bench fuzz", "bench soak",
                "bench result ok");
    }

    @Test
    void optionsAreReadFromTheCommandLine() {
        assertThat(BenchOptions.parse(new String[]{"--quick", "--learners", "7"}).learners()).isEqualTo(7);
        assertThat(BenchOptions.parse(new String[]{}).learners()).isEqualTo(BenchOptions.FULL.learners());
    }
}
