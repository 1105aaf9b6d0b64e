package dev.socratic.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code digest [--at T]} from the command line, in console mode (no token). */
class DigestCommandTest {

    @TempDir
    Path folder;

    private MainRun run(Map<String, String> env, String input, String... args) {
        return MainRun.run(env, input, args);
    }

    private Map<String, String> env(String... pairs) {
        return MainRun.env(folder, pairs);
    }

    /** The console learner covers a concept now; a week later a summary is due. */
    private String aWeekAfterTheFirstLesson() {
        run(env(), "/start\nThreads share the memory of their process, so they see the same list.\n");
        return Instant.now().plus(Duration.ofDays(8)).toString();
    }

    @Test
    void printsTheDueSummaryOfTheConsoleLearnerOnce() {
        var at = aWeekAfterTheFirstLesson();

        var first = run(env(), "", "digest", "--at", at);
        var second = run(env(), "", "digest", "--at=" + at);

        assertThat(first.status()).isZero();
        assertThat(first.out()).contains("== Your week in review ==", "Learned this week (1): Threads", "[1. Threads]",
                "1 due, 1 sent, 0 already sent, 0 failed; 1 message(s) delivered");
        assertThat(second.status()).isZero();
        assertThat(second.out()).doesNotContain("Your week in review").contains("1 due, 0 sent, 1 already sent");
    }

    @Test
    void exitsZeroWhenNothingIsDue() {
        var result = run(env(), "", "digest");

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("0 due, 0 sent");
    }

    @Test
    void withABotTokenItLeavesTheConsoleLearnerAlone() {
        var at = aWeekAfterTheFirstLesson();

        var result = run(env("TELEGRAM_BOT_TOKEN", "123:abc", "TELEGRAM_API_URL", "http://127.0.0.1:9"),
                "", "digest", "--at", at);

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("0 due, 0 sent").doesNotContain("Your week in review");
    }

    @Test
    void aBadInstantIsNamed() {
        var result = run(env(), "", "digest", "--at", "next sunday");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("socratic-tutor: --at:").contains("ISO-8601").hasLineCount(1);
    }

    @Test
    void unknownArgumentsPrintUsage() {
        var result = run(env(), "", "digest", "--when", "now");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("usage", "digest [--at ISO-8601-INSTANT]");
    }
}
