package dev.socratic.app;

import dev.socratic.bench.Bench;
import dev.socratic.bench.BenchOptions;
import dev.socratic.console.ConsoleTutor;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.delivery.SendPacer;
import dev.socratic.digest.DigestScheduler;
import dev.socratic.render.CurriculumPictures;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.telegram.TelegramBot;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Tutor;
import dev.socratic.tutor.TurnProcessor;
import dev.socratic.tutor.VoiceTimings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
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

    /** The rendered diagrams kept with the curriculum, wherever it was loaded from. */
    static CurriculumPictures loadPictures(Config config, Curriculum curriculum) {
        return config.curriculum()
                .map(folder -> CurriculumPictures.inFolder(curriculum, folder))
                .orElseGet(() -> CurriculumPictures.bundled(curriculum));
    }

    /**
     * The benchmark measures turns in words: pictures are uploads of the same few files, which
     * Telegram's limits pace anyway, and they would blur what the bot itself costs.
     */
    static int bench(Config config, BenchOptions options, PrintStream out) {
        var curriculum = loadCurriculum(config);
        var messages = Messages.load();
        var grader = Components.newGrader();
        grader.startLoading();
        var clock = Clock.systemUTC();
        try {
            var broken = new Bench(options, curriculum, database -> new TurnProcessor(
                    Components.conversation(curriculum, new Tutor(curriculum, grader, messages), grader, messages,
                            Components.summaries(curriculum, messages, database), clock),
                    new SqliteLearnerStore(database, clock)), out).run();
            return broken.isEmpty() ? 0 : 1;
        } catch (Exception e) {
            LoggerFactory.getLogger(Application.class).error("the benchmark failed", e);
            return 1;
        }
    }

    /** The console learner's summary missed since the last session comes first; failing that, the lesson still does. */
    private void catchUpOnSummary(Components parts) {
        try {
            parts.digest().sendDue(clock.instant(), id -> id == ConsoleTutor.LEARNER_ID);
        } catch (RuntimeException e) {
            log.warn("the weekly summary could not be checked: {}", e.getMessage());
        }
    }

    static final String CONSOLE_GREETING = "Socratic tutor, console mode: one line is one message. Type /start to"
            + " begin or to pick up where you left off, /help for the commands; end of input (Ctrl-D) quits.";

    /** Runs the tutor; in console mode {@code out} is the conversation and {@code err} gets how to use it. */
    int run(InputStream in, PrintStream out, PrintStream err) {
        var parts = Components.open(config, clock);
        if (!parts.pictures().check().allFresh()) {
            log.warn("curriculum pictures: {}; those concepts are taught in words", parts.pictures().check().report());
        }
        if (config.consoleMode()) {
            try (parts) {
                parts.warmUp();
                catchUpOnSummary(parts);
                var pictureFolder = config.database().toAbsolutePath().getParent().resolve("pictures");
                // standard output is the learner's conversation: how to use it goes beside it, once all has loaded
                err.println(CONSOLE_GREETING);
                new ConsoleTutor(parts.turns(), parts.outbox(), out, clock, parts.pictures(), pictureFolder).run(in);
                return 0;
            } catch (IOException e) {
                log.error("reading standard input failed: {}", e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        var bot = new TelegramBot(config.telegramToken().orElseThrow(), config.telegramApiUrl(), config.allowedUsers(),
                parts.turns(), parts.outbox(), parts.messages(), clock, parts.pictures(), SendPacer.telegram());
        var digest = new DigestScheduler(parts.digest(), clock, id -> id != ConsoleTutor.LEARNER_ID,
                DigestScheduler.DEFAULT_PERIOD, bot::wakeSender);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            digest.close();
            bot.close();
            parts.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            bot.start();
        } catch (TelegramApiException e) {
            log.error("the Telegram bot could not start: {}", e.getMessage());
            return 1;
        }
        // now that the bot is up (on two cores they would slow the first reply): the grader's model
        // loads, the Python engine starts, and PlantUML draws a first map (seconds of class loading
        // and fonts) for no learner
        parts.warmUp();
        Thread.ofVirtual().name("map-warm-up").start(parts.maps()::warmUp);
        // its first pass sends the latest summary each learner missed while the bot was down
        digest.start();
        log.info("tutor running with {} concepts; stop it with Ctrl+C or SIGTERM", parts.curriculum().size());
        // every thread of the bot is a daemon: this wait is what keeps the process alive until it is stopped
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return KEEP_RUNNING;
    }
}
