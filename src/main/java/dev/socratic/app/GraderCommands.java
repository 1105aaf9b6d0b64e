package dev.socratic.app;

import dev.socratic.grading.GraderBenchmark;
import dev.socratic.grading.GraderCalibration;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code bench-grader ZIP} and {@code calibrate-grader ZIP}: the offline grader measured and fitted. */
final class GraderCommands {

    private GraderCommands() {
    }

    static int bench(Config config, Path zip, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(zip)) {
            err.println("socratic-tutor: bench-grader: " + zip + " is not a readable zip file");
            return 2;
        }
        int status = GraderBenchmark.run(zip, out);
        // the hand-labelled answers to the curriculum's own questions live in the source tree
        var curriculum = config.curriculum().orElse(Path.of("curriculum"));
        if (status == 0 && Files.isDirectory(curriculum)) {
            status = GraderBenchmark.runDomain(curriculum, out);
        }
        return status;
    }

    static int calibrate(Path zip, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(zip)) {
            err.println("socratic-tutor: calibrate-grader: " + zip + " is not a readable zip file");
            return 2;
        }
        // the number of answers fitted on is reported, not returned: it is no exit status
        GraderCalibration.fit(zip, GraderCalibration.DEFAULT_OUTPUT, out);
        return 0;
    }
}
