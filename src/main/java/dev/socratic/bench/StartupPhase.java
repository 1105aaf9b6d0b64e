package dev.socratic.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A fresh JVM, the bot alone in it: time from launch to its first reply, for a learner whose
 * /start was already waiting, and its resident memory a few seconds later (grader model loaded).
 */
final class StartupPhase {

    record Result(double firstReplyMillis, double residentMegabytes) {
    }

    static final long LEARNER = 9_000_000_001L;

    static Result run(LocalBotApi api, Path folder) throws Exception {
        api.pushText(LEARNER, "/start");
        long launched = System.nanoTime();
        try (var bot = ChildBot.start(api, folder.resolve("startup.db"), folder.resolve("startup.log"))) {
            var reply = api.awaitSendTo(LEARNER, 0, Duration.ofSeconds(60));
            double millis = reply == null ? Double.NaN : (reply.nanoTime() - launched) / 1e6;
            Thread.sleep(3_000);
            return new Result(millis, Bench.residentMegabytes(Path.of("/proc", Long.toString(bot.pid()), "status")));
        }
    }
}
