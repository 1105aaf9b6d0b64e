package dev.socratic.app;

import dev.socratic.bench.BenchOptions;
import dev.socratic.curriculum.CurriculumException;
import dev.socratic.curriculum.CurriculumStats;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;

/** The command line: the tutor itself, or one of its subcommands. */
public final class Main {

    private static final String USAGE = """
            usage: java -jar socratic-tutor.jar [check-curriculum | digest [--at ISO-8601-INSTANT] | bench-grader ZIP | bench [options]]
              (no argument)     run the tutor: Telegram when TELEGRAM_BOT_TOKEN is set, else the console
              check-curriculum  validate the curriculum and print its statistics
              digest            send the weekly recall summaries due at that instant (default: now) and exit
              bench-grader ZIP  grade every test answer of a SemEval-2013 zip and print accuracy, macro-F1 and timing
              calibrate-grader ZIP  refit the grader's calibration on the zip's training part (writes the source resource)
              bench [--quick] [--learners N] [--turns K] [--concurrency C] [--burst M] [--fuzz F] [--soak-seconds S]
                                measure the bot against a local Bot API and check it loses and repeats nothing""";

    private Main() {
    }

    public static void main(String[] args) {
        // pictures are drawn in memory; never look for a display
        System.setProperty("java.awt.headless", "true");
        var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = run(args, System.getenv(), System.in, out, err);
        if (status != Application.KEEP_RUNNING) {
            System.exit(status);
        }
    }

    static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        var command = args.length == 0 ? "run" : args[0];
        var rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            var config = Config.fromEnvironment(env);
            // the console is the learner's screen: only warnings may join the tutor's words there
            System.setProperty("tutor.log.level", config.consoleMode() && command.equals("run") ? "WARN" : "INFO");
            return switch (command) {
                case "run" -> rest.length == 0 ? new Application(config).run(in, out, err) : usage(err);
                case "check-curriculum" -> {
                    var curriculum = Application.loadCurriculum(config);
                    out.print(CurriculumStats.describe(curriculum));
                    // stale pictures do not make the curriculum unusable (those concepts are taught in words)
                    out.println(Application.loadPictures(config, curriculum).check().report());
                    yield 0;
                }
                case "digest" -> {
                    var clock = Clock.systemUTC();
                    var at = digestInstant(rest, clock);
                    yield at == null ? usage(err) : new DigestCommand(config, clock).run(at, out);
                }
                case "bench" -> Application.bench(config, BenchOptions.parse(rest), out);
                case "bench-grader" -> rest.length == 1 ? GraderCommands.bench(config, Path.of(rest[0]), out, err) : usage(err);
                case "calibrate-grader" -> rest.length == 1 ? GraderCommands.calibrate(Path.of(rest[0]), out, err) : usage(err);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> usage(err);
            };
        } catch (ConfigException e) {
            err.println("socratic-tutor: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("socratic-tutor: " + e.getMessage());
            return 2;
        } catch (CurriculumException e) {
            err.println("socratic-tutor: curriculum problem: " + e.getMessage());
            return 1;
        }
    }

    /** The instant of {@code digest [--at T]}: now without arguments, null when they cannot be read. */
    private static Instant digestInstant(String[] args, Clock clock) {
        if (args.length == 0) {
            return clock.instant();
        }
        String value = args.length == 2 && args[0].equals("--at") ? args[1]
                : args.length == 1 && args[0].startsWith("--at=") ? args[0].substring("--at=".length()) : null;
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConfigException("--at", "'" + value + "' is not an ISO-8601 instant such as 2026-11-29T18:00:00Z");
        }
    }

    private static int usage(PrintStream err) {
        err.println(USAGE);
        return 2;
    }
}
