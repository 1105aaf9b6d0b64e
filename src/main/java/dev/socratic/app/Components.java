package dev.socratic.app;

import dev.socratic.curriculum.Curriculum;
import dev.socratic.digest.WeeklyDigest;
import dev.socratic.grading.ExecutingGrader;
import dev.socratic.grading.LoadingGrader;
import dev.socratic.llm.LlmVoice;
import dev.socratic.render.CurriculumPictures;
import dev.socratic.render.MermaidRenderer;
import dev.socratic.render.PlantUmlMapRenderer;
import dev.socratic.review.FsrsScheduler;
import dev.socratic.sandbox.GraalPyRunner;
import dev.socratic.sandbox.ResourceCache;
import dev.socratic.sandbox.SandboxLimits;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteEventLog;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.store.SqliteOutbox;
import dev.socratic.store.SqliteSummaryLedger;
import dev.socratic.store.SqliteTranscript;
import dev.socratic.store.StoreException;
import dev.socratic.tutor.Conversation;
import dev.socratic.tutor.DiagramRenderer;
import dev.socratic.tutor.Grader;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.SummaryReport;
import dev.socratic.tutor.Tutor;
import dev.socratic.tutor.TurnProcessor;
import dev.socratic.tutor.VoiceTimings;

import java.time.Clock;
import java.util.Optional;

/**
 * The parts every way of running the tutor shares, built with {@code new}; closing it closes the
 * database and the Python sandbox. The grader and the sandbox start cold: the caller warms them up
 * ({@link #warmUp}) once the first reply is no longer waiting for the CPU.
 */
record Components(Curriculum curriculum, Database database, Messages messages, CurriculumPictures pictures,
                  PlantUmlMapRenderer maps, LoadingGrader grader, GraalPyRunner python, Optional<LlmVoice> voice,
                  Optional<MermaidRenderer> diagrams, TurnProcessor turns, SqliteOutbox outbox, WeeklyDigest digest)
        implements AutoCloseable {

    static Components open(Config config, Clock clock) {
        var curriculum = Application.loadCurriculum(config);
        Database database;
        try {
            database = Database.open(config.database());
        } catch (StoreException e) {
            throw new ConfigException("TUTOR_DB", e.getMessage());
        }
        var messages = Messages.load();
        var pictures = Application.loadPictures(config, curriculum);
        var maps = new PlantUmlMapRenderer();
        var grader = newGrader();
        var python = newPython(config);
        // write-code answers are run against their tests; everything else goes to the embedding grader
        var executing = new ExecutingGrader(grader, python, messages);
        var voice = VoiceSetup.open(config, clock);
        // only the voice writes diagrams at run time: without one, no browser is ever started
        var diagrams = voice.flatMap(v -> config.mermaid()).flatMap(MermaidRenderer::onHost);
        var tutor = voice.map(v -> new Tutor(curriculum, executing, messages, pictures, maps, python, v, clock,
                        VoiceTimings.DEFAULT, diagrams.<DiagramRenderer>map(d -> d).orElse(DiagramRenderer.NONE),
                        config.diagramLinks()))
                .orElseGet(() -> new Tutor(curriculum, executing, messages, pictures, maps, python));
        var summaries = summaries(curriculum, messages, database);
        var turns = new TurnProcessor(conversation(curriculum, tutor, executing, messages, summaries, clock),
                new SqliteLearnerStore(database, clock), new SqliteTranscript(database));
        var digest = new WeeklyDigest(summaries, new SqliteSummaryLedger(database, clock));
        return new Components(curriculum, database, messages, pictures, maps, grader, python, voice, diagrams, turns,
                new SqliteOutbox(database), digest);
    }

    /** The one place that picks the grader: the offline embedding grader, loaded in the background. */
    static LoadingGrader newGrader() {
        return new LoadingGrader();
    }

    /** The Python sandbox; GraalPy unpacks its home on first start, beside the database when the user cache is not writable. */
    static GraalPyRunner newPython(Config config) {
        ResourceCache.ensureWritable(config.database().toAbsolutePath().getParent().resolve("python-cache"));
        return new GraalPyRunner(SandboxLimits.defaults());
    }

    /**
     * Loads the grader's model, then starts the Python engine, and starts the diagram renderer, all in
     * the background. One after the other, so that on a small machine the first learners' replies
     * still find a free core; nobody needs Python before their first answer is graded.
     */
    void warmUp() {
        grader.whenLoaded(python::warmUp);
        grader.startLoading();
        diagrams.ifPresent(MermaidRenderer::warmUp);
    }

    static SummaryReport summaries(Curriculum curriculum, Messages messages, Database database) {
        return new SummaryReport(curriculum, messages, new FsrsScheduler(), new SqliteEventLog(database));
    }

    static Conversation conversation(Curriculum curriculum, Tutor tutor, Grader grader, Messages messages,
                                     SummaryReport summaries, Clock clock) {
        return new Conversation(curriculum, tutor, grader, messages, new FsrsScheduler(), summaries, clock);
    }

    @Override
    public void close() {
        voice.ifPresent(LlmVoice::close);
        diagrams.ifPresent(MermaidRenderer::close);
        python.close();
        database.close();
    }
}
