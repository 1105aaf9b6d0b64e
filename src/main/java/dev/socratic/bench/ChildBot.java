package dev.socratic.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The tutor in a process of its own (the same class path as this one), so it can be SIGKILLed. */
final class ChildBot implements AutoCloseable {

    private final Process process;

    private ChildBot(Process process) {
        this.process = process;
    }

    static ChildBot start(LocalBotApi api, Path database, Path log) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.socratic.app.Main");
        builder.environment().put("TELEGRAM_BOT_TOKEN", InProcessBot.TOKEN);
        builder.environment().put("TELEGRAM_API_URL", api.url().toString());
        builder.environment().put("TUTOR_DB", database.toString());
        builder.environment().remove("TUTOR_ALLOWED_USERS");
        builder.environment().remove("TUTOR_LLM");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ChildBot(builder.start());
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
