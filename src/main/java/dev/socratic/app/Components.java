package dev.socratic.app;

import dev.socratic.curriculum.Curriculum;
import dev.socratic.digest.WeeklyDigest;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.review.FsrsScheduler;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteEventLog;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.store.SqliteOutbox;
import dev.socratic.store.SqliteSummaryLedger;
import dev.socratic.store.StoreException;
import dev.socratic.tutor.Conversation;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.SummaryReport;
import dev.socratic.tutor.Tutor;
import dev.socratic.tutor.TurnProcessor;

import java.time.Clock;

/** The parts every way of running the tutor shares, built with {@code new}; closing it closes the database. */
record Components(Curriculum curriculum, Database database, Messages messages, TurnProcessor turns,
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
        var grader = new KeyPointGrader();
        var scheduler = new FsrsScheduler();
        var summaries = new SummaryReport(curriculum, messages, scheduler, new SqliteEventLog(database));
        var conversation = new Conversation(curriculum, new Tutor(curriculum, grader, messages), grader, messages,
                scheduler, summaries, clock);
        var turns = new TurnProcessor(conversation, new SqliteLearnerStore(database, clock));
        var digest = new WeeklyDigest(summaries, new SqliteSummaryLedger(database, clock));
        return new Components(curriculum, database, messages, turns, new SqliteOutbox(database), digest);
    }

    @Override
    public void close() {
        database.close();
    }
}
