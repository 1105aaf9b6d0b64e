package dev.socratic.telegram;

import dev.socratic.Fixtures;
import dev.socratic.bench.LocalBotApi;
import dev.socratic.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real bot in its own JVM, killed with SIGKILL between and during turns and started again:
 * nothing acknowledged is lost, no update is answered twice, no message is sent twice.
 */
class CrashRecoveryTest {

    private static final String TOKEN = "42:CRASH-test";
    private static final long LEARNER = 777;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;
    private LocalBotApi api;
    private Process bot;

    @BeforeEach
    void startServer() throws IOException {
        api = new LocalBotApi(TOKEN);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.destroyForcibly();
        }
        api.close();
    }

    private void startBot() throws Exception {
        int pollsBefore = api.calls("setMyCommands").size();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.socratic.app.Main");
        builder.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
        builder.environment().put("TELEGRAM_API_URL", api.url().toString());
        builder.environment().put("TUTOR_DB", folder.resolve("tutor.db").toString());
        builder.environment().put("TUTOR_CURRICULUM", Fixtures.CURRICULUM_DIR.toAbsolutePath().toString());
        builder.redirectErrorStream(true).redirectOutput(folder.resolve("bot.log").toFile());
        bot = builder.start();
        assertThat(api.await(a -> a.calls("setMyCommands").size() > pollsBefore, WAIT)).as("bot started").isTrue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    private void kill() throws InterruptedException {
        bot.destroyForcibly();
        assertThat(bot.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private boolean awaitTexts(int count) throws InterruptedException {
        return api.await(a -> a.textsTo(LEARNER).size() >= count, WAIT);
    }

    @Test
    void killedBetweenAndDuringTurnsItLosesNothingAndRepeatsNothing() throws Exception {
        var curriculum = Fixtures.curriculum();
        startBot();

        api.pushText(LEARNER, "/start");
        assertThat(awaitTexts(2)).isTrue();
        api.pushText(LEARNER, "no idea");
        assertThat(awaitTexts(3)).isTrue();
        kill();                                  // between turns

        startBot();                              // the server hands out updates 1 and 2 again
        api.pushText(LEARNER, curriculum.require("threads").check().answer());
        kill();                                  // during the turn: it may or may not have run

        startBot();
        api.pushText(LEARNER, "/next");
        api.pushText(LEARNER, "/progress");
        assertThat(api.await(a -> a.textsTo(LEARNER).stream().anyMatch(t -> t.contains("concepts covered")), WAIT))
                .isTrue();
        Thread.sleep(500);
        kill();

        try (var database = Database.open(folder.resolve("tutor.db"))) {
            var updates = longs(database, "SELECT update_id FROM processed_update ORDER BY update_id");
            assertThat(updates).containsExactly(1L, 2L, 3L, 4L, 5L);
            long sent = count(database, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'");
            long unknown = count(database, "SELECT COUNT(*) FROM outbox WHERE status = 'unknown'");
            long pending = count(database, "SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')");
            int delivered = api.sendsTo(LEARNER).size();
            assertThat(pending).isZero();
            assertThat(delivered).isBetween((int) sent, (int) (sent + unknown));
            var state = strings(database, "SELECT state FROM learner_state WHERE learner_id = " + LEARNER);
            assertThat(state.getFirst()).contains("\"concept\":\"locks\"").contains("\"done\":[\"threads\"]");
        }
        var texts = api.textsTo(LEARNER);
        assertThat(texts.stream().filter(t -> t.contains("A thread is one line of execution")).count()).isEqualTo(1);
        assertThat(texts.stream().filter(t -> t.endsWith("What does this print?")).count()).isEqualTo(1);
        assertThat(texts.getLast()).contains("1 of 3 concepts covered");
    }

    private static long count(Database database, String sql) {
        return longs(database, sql).getFirst();
    }

    private static List<Long> longs(Database database, String sql) {
        return database.inTransaction(c -> {
            var values = new ArrayList<Long>();
            try (var rows = c.createStatement().executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            return values;
        });
    }

    private static List<String> strings(Database database, String sql) {
        return database.inTransaction(c -> {
            var values = new ArrayList<String>();
            try (var rows = c.createStatement().executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }
}
