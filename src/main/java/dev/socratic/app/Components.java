package dev.socratic.app;

import dev.socratic.curriculum.Curriculum;
import dev.socratic.digest.WeeklyDigest;
import dev.socratic.grading.LoadingGrader;
import dev.socratic.llm.LlmVoice;
import dev.socratic.render.CurriculumPictures;
import dev.socratic.render.PlantUmlMapRenderer;
import dev.socratic.review.FsrsScheduler;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteEventLog;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.store.SqliteOutbox;
import dev.socratic.store.SqliteSummaryLedger;
import dev.socratic.store.SqliteTranscript;
import dev.socratic.store.StoreException;
import dev.socratic.tutor.Conversation;
import dev.socratic.tutor.Grader;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.SummaryReport;
import dev.socratic.tutor.Tutor;
import dev.socratic.tutor.TurnProcessor;
import dev.socratic.tutor.VoiceTimings;

import java.time.Clock;
import java.util.Optional;

/** The parts every way of running the tutor shares, built with {@code new}; closing it closes the database. */
record Components(Curriculum curriculum, Database database, Messages messages, CurriculumPictures pictures,
                  PlantUmlMapRenderer maps, LoadingGrader grader, Optional<LlmVoice> voice, TurnProcessor turns,
                  SqliteOutbox outbox, WeeklyDigest digest) implements AutoCloseable {

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
        var voice = VoiceSetup.open(config, clock);
        var tutor = voice.map(v -> new Tutor(curriculum, grader, messages, pictures, maps, v, clock, VoiceTimings.DEFAULT))
                .orElseGet(() -> new Tutor(curriculum, grader, messages, pictures, maps));
        var summaries = summaries(curriculum, messages, database);
        var turns = new TurnProcessor(conversation(curriculum, tutor, grader, messages, summaries, clock),
                new SqliteLearnerStore(database, clock), new SqliteTranscript(database));
        var digest = new WeeklyDigest(summaries, new SqliteSummaryLedger(database, clock));
        return new Components(curriculum, database, messages, pictures, maps, grader, voice, turns,
                new SqliteOutbox(database), digest);
    }

    /** The one place that picks the grader: the offline embedding grader, loaded in the background. */
    static LoadingGrader newGrader() {
        return new LoadingGrader();
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
        database.close();
    }
}
