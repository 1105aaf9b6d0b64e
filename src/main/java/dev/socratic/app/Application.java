package dev.socratic.app;

import dev.socratic.console.ConsoleTutor;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.llm.ChatModels;
import dev.socratic.llm.LlmVoice;
import dev.socratic.llm.PromptTemplates;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.store.SqliteOutbox;
import dev.socratic.store.SqliteTranscript;
import dev.socratic.store.StoreException;
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

    int run(InputStream in, PrintStream out) {
        var curriculum = loadCurriculum(config);
        var voice = voice();
        Database database;
        try {
            database = Database.open(config.database());
        } catch (StoreException e) {
            throw new ConfigException("TUTOR_DB", e.getMessage());
        }
        var messages = Messages.load();
        var grader = new KeyPointGrader();
        var tutor = voice.map(v -> new Tutor(curriculum, grader, messages, v, clock, VoiceTimings.DEFAULT))
                .orElseGet(() -> new Tutor(curriculum, grader, messages));
        var turns = new TurnProcessor(tutor, new SqliteLearnerStore(database, clock), new SqliteTranscript(database));
        var outbox = new SqliteOutbox(database);
        if (config.consoleMode()) {
            try (database) {
                new ConsoleTutor(turns, outbox, out, clock).run(in);
                return 0;
            } catch (IOException e) {
                log.error("reading standard input failed: {}", e.getMessage());
                return 1;
            } finally {
                voice.ifPresent(LlmVoice::close);
            }
        }
        var bot = new TelegramBot(config.telegramToken().orElseThrow(), config.telegramApiUrl(),
                config.allowedUsers(), turns, outbox, messages, clock);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            voice.ifPresent(LlmVoice::close);
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

    /** The LLM voice chosen by TUTOR_LLM, with the prompts read now so a bad one stops start-up. */
    private Optional<LlmVoice> voice() {
        if (config.llm() == LlmProvider.NONE) {
            return Optional.empty();
        }
        PromptTemplates prompts;
        try {
            var beside = Path.of("prompts");
            prompts = Files.isDirectory(beside) ? PromptTemplates.load(beside) : PromptTemplates.loadBundled();
        } catch (PromptTemplates.PromptException e) {
            throw new ConfigException("TUTOR_LLM", "the LLM prompts cannot be used: " + e.getMessage());
        }
        var timeout = VoiceTimings.DEFAULT.call();
        var model = switch (config.llm()) {
            case OPENAI -> ChatModels.openAi(config.openAiBaseUrl(), config.openAiKey(), config.llmModel(), timeout);
            case OLLAMA -> ChatModels.ollama(config.ollamaBaseUrl(), config.llmModel(), timeout);
            case ANTHROPIC -> ChatModels.anthropic(config.anthropicKey().orElseThrow(), config.llmModel(), timeout);
            case NONE -> throw new IllegalStateException("no model without an LLM");
        };
        log.info("the tutor speaks through {} ({}); every draft is checked against the teaching rules",
                config.llm().name().toLowerCase(Locale.ROOT), config.llmModel().orElse("the provider's default model"));
        return Optional.of(new LlmVoice(model, prompts, clock));
    }
}
