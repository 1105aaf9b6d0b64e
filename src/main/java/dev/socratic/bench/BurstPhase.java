package dev.socratic.bench;

import dev.socratic.delivery.SendPacer;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.Input;
import dev.socratic.tutor.LearnerState;
import dev.socratic.tutor.Outbound;
import dev.socratic.tutor.Turn;
import dev.socratic.tutor.TurnProcessor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A weekly-summary burst: one message for each of many learners, all queued at once, drained at
 * Telegram's pace. Measures the drain time and the busiest second.
 */
final class BurstPhase {

    record Result(int messages, double seconds, int peakPerSecond, long delivered) {
    }

    static final long FIRST_LEARNER = 5_000_000_000L;

    static Result run(LocalBotApi api, Path file, int messages, Function<Database, TurnProcessor> turns)
            throws Exception {
        try (var database = Database.open(file)) {
            var store = new SqliteLearnerStore(database, Clock.systemUTC());
            var summary = new Outbound.Message(List.of(new Outbound.Paragraph(
                    "Your week: 3 concepts learned. Which one would you explain to a colleague first?")), List.of());
            for (int i = 0; i < messages; i++) {
                long learner = FIRST_LEARNER + i;
                store.commit(new Inbound(learner, learner, null, new Input.Command("summary", "")), 0,
                        new Turn(new LearnerState.NotStarted(), List.of(summary), List.of()));
            }
        }
        int before = api.calls("sendMessage").size();
        long start = System.nanoTime();
        try (var bot = new InProcessBot(file, api, turns, SendPacer.telegram())) {
            api.await(a -> a.calls("sendMessage").size() - before >= messages, Duration.ofSeconds(messages / 10 + 60));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var sends = api.calls("sendMessage");
        var burst = sends.subList(before, sends.size());
        return new Result(messages, seconds, peakPerSecond(burst), burst.size());
    }

    /** The most sends that fell in any one-second window. */
    private static int peakPerSecond(List<LocalBotApi.Call> calls) {
        int peak = 0;
        int left = 0;
        for (int right = 0; right < calls.size(); right++) {
            while (calls.get(right).nanoTime() - calls.get(left).nanoTime() >= 1_000_000_000L) {
                left++;
            }
            peak = Math.max(peak, right - left + 1);
        }
        return peak;
    }
}
