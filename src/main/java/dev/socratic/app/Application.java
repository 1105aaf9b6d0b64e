package dev.socratic.app;

import dev.socratic.console.ConsoleTutor;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.grading.ExecutingGrader;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.sandbox.GraalPyRunner;
import dev.socratic.sandbox.ResourceCache;
import dev.socratic.sandbox.SandboxLimits;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.store.SqliteOutbox;
import dev.socratic.store.StoreException;
import dev.socratic.telegram.TelegramBot;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Tutor;
import dev.socratic.tutor.TurnProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** The composition root: builds every part with {@code new} and runs the console or the Telegram bot. */
final class Application {

    /** Returned by {@link #run} when the bot ran until the JVM began to shut down: nothing is left to exit. */
    static final int KEEP_RUNNING = -1;

    private final Logger log = LoggerFactory.getLogger(Application.class);
    private final Config config;
    private final Clock clock = Clock.systemUTC();

    Application(Config config) {
        this.config = config;
    }

    static Curriculum loadCurriculum(Config config) {
        var loader = new CurriculumLoader();
        return config.curriculum().map(loader::load).orElseGet(loader::loadBundled);
    }

    /**
     * The Python sandbox, warming up in the background: the first reply never waits for it, and
     * by the time a learner sends code it is usually ready.
     */
    private GraalPyRunner startPython() {
        ResourceCache.ensureWritable(config.database().toAbsolutePath().getParent().resolve("python-cache"));
        var python = new GraalPyRunner(SandboxLimits.defaults());
        python.warmUp();
        return python;
    }

    int run(InputStream in, PrintStream out) {
        var curriculum = loadCurriculum(config);
        if (config.llm() != LlmProvider.NONE) {
            log.warn("TUTOR_LLM={} is set, but this build has no LLM voice yet; the tutor speaks from the curriculum",
                    config.llm().name().toLowerCase());
        }
        Database database;
        try {
            database = Database.open(config.database());
        } catch (StoreException e) {
            throw new ConfigException("TUTOR_DB", e.getMessage());
        }
        var messages = Messages.load();
        var python = startPython();
        var tutor = new Tutor(curriculum, new ExecutingGrader(new KeyPointGrader(), python, messages), messages, python);
        var turns = new TurnProcessor(tutor, new SqliteLearnerStore(database, clock));
        var outbox = new SqliteOutbox(database);
        if (config.consoleMode()) {
            try (database; python) {
                new ConsoleTutor(turns, outbox, out, clock).run(in);
                return 0;
            } catch (IOException e) {
                log.error("reading standard input failed: {}", e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        var bot = new TelegramBot(config.telegramToken().orElseThrow(), config.telegramApiUrl(),
                config.allowedUsers(), turns, outbox, messages, clock);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            python.close();
            database.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            bot.start();
        } catch (TelegramApiException e) {
            log.error("the Telegram bot could not start: {}", e.getMessage());
            return 1;
        }
        log.info("tutor running with {} concepts; stop it with Ctrl+C or SIGTERM", curriculum.size());
        // every thread of the bot is a daemon: this wait is what keeps the process alive until it is stopped
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return KEEP_RUNNING;
    }
}
