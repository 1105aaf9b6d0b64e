package dev.socratic.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.store.Database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Learners keep studying while the bot, in its own process, is SIGKILLed at random moments and
 * restarted, and the Bot API refuses a share of sends with 429 and 502. Then it checks the
 * promises: nothing acknowledged lost, nothing answered or sent twice, nothing left undelivered.
 */
final class SoakPhase {

    record Result(int kills, int turns, List<String> violations, long unknown) {
    }

    static final long FIRST_LEARNER = 8_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LEARNERS = 12;
    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(4);

    static Result run(LocalBotApi api, Path folder, Curriculum curriculum, int seconds,
                      long seed) throws Exception {
        var database = folder.resolve("soak.db");
        var log = folder.resolve("soak.log");
        var random = new Random(seed);
        api.failShareOfSends(0.05, 0.05, seed);
        var load = new LoadPhase(api, curriculum);
        var learners = load.learners(FIRST_LEARNER, LEARNERS, ScriptedLearner.Style.MIXED);
        var stop = new AtomicBoolean();
        var turns = new AtomicInteger();
        int kills = 0;
        var bot = ChildBot.start(api, database, log);
        try (var typists = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var learner : learners) {
                typists.execute(() -> {
                    var latencies = new Latencies();
                    var graded = new AtomicInteger();
                    while (!stop.get()) {
                        // a reply lost in a crash is not retried: the learner just goes on, as people do
                        load.turn(learner, latencies, graded);
                        turns.incrementAndGet();
                    }
                });
            }
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(300 + random.nextInt(1_500));
                bot.kill();
                kills++;
                bot = ChildBot.start(api, database, log);
            }
            stop.set(true);
        }
        api.failShareOfSends(0, 0, seed);
        FuzzPhase.quiesce(api);
        Thread.sleep(3_000);
        bot.kill();
        return new Result(kills, turns.get(), check(api, database, learners), unknown(database));
    }

    private static List<String> check(LocalBotApi api, Path file, List<ScriptedLearner> learners) {
        var violations = new ArrayList<String>();
        try (var database = Database.open(file)) {
            long unsent = single(database, "SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')");
            if (unsent > 0) {
                violations.add(unsent + " outbox messages never delivered");
            }
            for (var learner : learners) {
                long sent = single(database, "SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND chat_id = " + learner.id());
                long unknown = single(database,
                        "SELECT COUNT(*) FROM outbox WHERE status = 'unknown' AND chat_id = " + learner.id());
                int delivered = api.countTo(learner.id());
                if (delivered < sent || delivered > sent + unknown) {
                    violations.add("learner " + learner.id() + " received " + delivered + " messages; the outbox says "
                            + sent + " sent and " + unknown + " perhaps sent");
                }
                long done = doneCount(database, learner.id());
                if (done < learner.correctAcknowledged()) {
                    violations.add("learner " + learner.id() + " saw " + learner.correctAcknowledged()
                            + " answers accepted but has " + done + " concepts done");
                }
            }
        }
        return violations;
    }

    private static long doneCount(Database database, long learner) {
        return database.inTransaction(connection -> {
            try (var rows = connection.createStatement().executeQuery(
                    "SELECT state FROM learner_state WHERE learner_id = " + learner)) {
                if (!rows.next()) {
                    return 0L;
                }
                try {
                    return (long) JSON.readTree(rows.getString(1)).path("done").size();
                } catch (JsonProcessingException e) {
                    return 0L;
                }
            }
        });
    }

    private static long unknown(Path file) {
        try (var database = Database.open(file)) {
            return single(database, "SELECT COUNT(*) FROM outbox WHERE status = 'unknown'");
        }
    }

    static long single(Database database, String sql) {
        return database.inTransaction(connection -> {
            try (var rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
