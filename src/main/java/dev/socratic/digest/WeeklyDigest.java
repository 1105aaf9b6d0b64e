package dev.socratic.digest;

import dev.socratic.tutor.SummaryReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.function.LongPredicate;

/**
 * Sends the weekly recall summaries due at an instant: for each learner who has covered a concept
 * and has summaries on, the one for their latest summary time at or before that instant, if that
 * time is after their first lesson and its week was not sent yet. Older missed weeks are never
 * sent: after downtime a learner gets one summary, the latest.
 */
public final class WeeklyDigest {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);

    private final SummaryReport report;
    private final SummaryLedger ledger;

    public WeeklyDigest(SummaryReport report, SummaryLedger ledger) {
        this.report = report;
        this.ledger = ledger;
    }

    /** What one pass did. {@code due}: learners with a summary due at the instant, sent now or before. */
    public record Result(int due, int sent, int alreadySent, int failed) {
    }

    /** Sends what is due at {@code at} to the learners {@code learners} accepts. */
    public Result sendDue(Instant at, LongPredicate learners) {
        int due = 0;
        int sent = 0;
        int already = 0;
        int failed = 0;
        for (var learner : ledger.candidates()) {
            var schedule = learner.recall().schedule();
            if (!learners.test(learner.learnerId()) || !schedule.enabled()
                    || learner.state().progress().done().isEmpty() || learner.firstLesson().isEmpty()) {
                continue;
            }
            var dueAt = schedule.latestAtOrBefore(at);
            if (!dueAt.isAfter(learner.firstLesson().get())) {
                continue;
            }
            due++;
            var week = schedule.weekOf(dueAt);
            try {
                if (ledger.isSent(learner.learnerId(), week)) {
                    already++;
                    continue;
                }
                var summary = report.weekly(learner.learnerId(), learner.state(), learner.recall(), dueAt, at);
                if (ledger.record(learner, week, dueAt, summary)) {
                    sent++;
                } else {
                    already++; // another sender recorded it between our check and our insert
                }
            } catch (RuntimeException e) {
                failed++;
                log.error("the weekly summary of learner {} failed; it is tried again on the next pass",
                        learner.learnerId(), e);
            }
        }
        return new Result(due, sent, already, failed);
    }
}
