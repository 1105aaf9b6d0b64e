package dev.socratic.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Sizes of one benchmark run; {@code --quick} is the small run the test suite uses.
 *
 * @param learners    simulated learners in the load phases
 * @param turns       turns each learner takes per load phase
 * @param concurrency learners typing at the same moment
 * @param burst       messages in the paced drain phase (a weekly-summary burst)
 * @param fuzz        random updates in the fuzz phase
 * @param soakSeconds how long the soak kills and restarts the bot (0 skips it)
 */
public record BenchOptions(int learners, int turns, int concurrency, int burst, int fuzz, int soakSeconds) {

    public static final BenchOptions FULL = new BenchOptions(10_000, 6, 200, 10_000, 5_000, 60);
    public static final BenchOptions QUICK = new BenchOptions(40, 6, 10, 60, 300, 8);

    public static BenchOptions parse(String[] args) {
        var base = FULL;
        var values = new HashMap<String, Integer>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> base = QUICK;
                case "--learners", "--turns", "--concurrency", "--burst", "--fuzz", "--soak-seconds" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a number");
                    }
                    values.put(args[i], number(args[i], args[++i]));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new BenchOptions(
                values.getOrDefault("--learners", base.learners()),
                values.getOrDefault("--turns", base.turns()),
                values.getOrDefault("--concurrency", base.concurrency()),
                values.getOrDefault("--burst", base.burst()),
                values.getOrDefault("--fuzz", base.fuzz()),
                values.getOrDefault("--soak-seconds", base.soakSeconds()));
    }

    private static int number(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a non-negative number, not '" + value + "'");
        }
    }

    Map<String, Integer> asMap() {
        return Map.of("learners", learners, "turns", turns, "concurrency", concurrency, "burst", burst,
                "fuzz", fuzz, "soakSeconds", soakSeconds);
    }
}
