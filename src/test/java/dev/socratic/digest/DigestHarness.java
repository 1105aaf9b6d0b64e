package dev.socratic.digest;

import dev.socratic.Fixtures;
import dev.socratic.MutableClock;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.review.FsrsScheduler;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteEventLog;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.store.SqliteSummaryLedger;
import dev.socratic.tutor.Conversation;
import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.Input;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.SummaryReport;
import dev.socratic.tutor.Tutor;
import dev.socratic.tutor.TurnProcessor;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The real tutor, store and digest on one SQLite file, driven by a hand-moved clock. */
final class DigestHarness implements AutoCloseable {

    final MutableClock clock;
    final Database database;
    final TurnProcessor turns;
    final SqliteSummaryLedger ledger;
    final WeeklyDigest digest;
    private final Curriculum curriculum = Fixtures.curriculum();
    private long updateId = 1;

    DigestHarness(Path file, MutableClock clock) {
        this.clock = clock;
        this.database = Database.open(file);
        var messages = Messages.load();
        var grader = new KeyPointGrader();
        var fsrs = new FsrsScheduler();
        var summaries = new SummaryReport(curriculum, messages, fsrs, new SqliteEventLog(database));
        turns = new TurnProcessor(new Conversation(curriculum, new Tutor(curriculum, grader, messages), grader, messages,
                fsrs, summaries, clock), new SqliteLearnerStore(database, clock));
        ledger = new SqliteSummaryLedger(database, clock);
        digest = new WeeklyDigest(summaries, ledger);
    }

    void say(long learner, String line) {
        turns.process(new Inbound(learner, learner, updateId++, Input.parse(line)));
    }

    /** /start and the right answer to the first check, at the clock's time. */
    void coverThreads(long learner) {
        say(learner, "/start");
        say(learner, curriculum.require("threads").check().answer());
    }

    WeeklyDigest.Result digestAt(String instant) {
        return digest.sendDue(Instant.parse(instant), id -> true);
    }

    /** The summaries in the outbox, as stored: learner id and payload. */
    List<String> summariesTo(long learner) {
        return database.inTransaction(connection -> {
            try (var select = connection.prepareStatement(
                    "SELECT payload FROM outbox WHERE learner_id = ? AND payload LIKE '%Your week in review%' ORDER BY id")) {
                select.setLong(1, learner);
                var payloads = new ArrayList<String>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        payloads.add(rows.getString(1));
                    }
                }
                return payloads;
            }
        });
    }

    List<String> sentWeeks(long learner) {
        return database.inTransaction(connection -> {
            try (var select = connection.prepareStatement(
                    "SELECT week_start FROM sent_summary WHERE learner_id = ? ORDER BY week_start")) {
                select.setLong(1, learner);
                var weeks = new ArrayList<String>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        weeks.add(rows.getString(1));
                    }
                }
                return weeks;
            }
        });
    }

    @Override
    public void close() {
        database.close();
    }
}
