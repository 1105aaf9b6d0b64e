package dev.socratic.bench;

import java.nio.file.Path;
import java.time.Duration;

/** Time from launching a fresh JVM to its first reply, for a learner whose /start was already waiting. */
final class StartupPhase {

    static final long LEARNER = 9_000_000_001L;

    static double firstReplyMillis(LocalBotApi api, Path folder) throws Exception {
        api.pushText(LEARNER, "/start");
        long launched = System.nanoTime();
        try (var bot = ChildBot.start(api, folder.resolve("startup.db"), folder.resolve("startup.log"))) {
            var reply = api.awaitSendTo(LEARNER, 0, Duration.ofSeconds(60));
            return reply == null ? Double.NaN : (reply.nanoTime() - launched) / 1e6;
        }
    }
}
