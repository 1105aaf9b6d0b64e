package dev.socratic.digest;

import dev.socratic.MutableClock;
import dev.socratic.store.SqliteOutbox;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyDigestTest {

    private static final long ANNA = 101;
    private static final long BEN = 102;
    private static final long CARLA = 103;
    /** Monday 2 November 2026; the default summary time is Sunday 18:00 UTC. */
    private static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path folder;
    private final MutableClock clock = new MutableClock(MONDAY);
    private DigestHarness tutor;

    @BeforeEach
    void open() {
        tutor = new DigestHarness(folder.resolve("tutor.db"), clock);
    }

    @AfterEach
    void close() {
        tutor.close();
    }

    private DigestHarness restart() {
        tutor.close();
        tutor = new DigestHarness(folder.resolve("tutor.db"), clock);
        return tutor;
    }

    @Nested
    class ExactlyOncePerWeek {

        @Test
        void sendsTheDueSummaryNamingTheConceptsByTitle() {
            tutor.coverThreads(ANNA);

            var result = tutor.digestAt("2026-11-08T18:00:00Z");

            assertThat(result.sent()).isEqualTo(1);
            assertThat(tutor.summariesTo(ANNA)).singleElement().asString()
                    .contains("Learned this week (1): Threads", "recall:0:threads");
            assertThat(tutor.sentWeeks(ANNA)).containsExactly("2026-11-02");
        }

        @Test
        void aSecondRunForTheSameWeekSendsNothing() {
            tutor.coverThreads(ANNA);
            tutor.digestAt("2026-11-08T18:00:00Z");

            var again = tutor.digestAt("2026-11-08T18:00:00Z");
            var laterThatWeek = tutor.digestAt("2026-11-11T12:00:00Z");

            assertThat(again.sent()).isZero();
            assertThat(again.alreadySent()).isEqualTo(1);
            assertThat(laterThatWeek.sent()).isZero();
            assertThat(tutor.summariesTo(ANNA)).hasSize(1);
        }

        @Test
        void aRestartSendsNothingTwice() {
            tutor.coverThreads(ANNA);
            tutor.digestAt("2026-11-08T18:00:00Z");

            var afterRestart = restart().digestAt("2026-11-08T18:05:00Z");

            assertThat(afterRestart.sent()).isZero();
            assertThat(tutor.summariesTo(ANNA)).hasSize(1);
        }

        @Test
        void theNextWeekGetsItsOwnSummary() {
            tutor.coverThreads(ANNA);
            tutor.digestAt("2026-11-08T18:00:00Z");

            assertThat(tutor.digestAt("2026-11-15T18:00:00Z").sent()).isEqualTo(1);
            assertThat(tutor.sentWeeks(ANNA)).containsExactly("2026-11-02", "2026-11-09");
        }

        @Test
        void aWeekRecordedByAnotherSenderIsNotRecordedAgain() {
            tutor.coverThreads(ANNA);
            var anna = tutor.ledger.candidates().getFirst();
            var summary = new Message(List.of(new Paragraph("Your week in review")), List.of());
            var week = LocalDate.of(2026, 11, 2);
            var due = Instant.parse("2026-11-08T18:00:00Z");

            assertThat(tutor.ledger.record(anna, week, due, summary)).isTrue();
            assertThat(tutor.ledger.record(anna, week, due, summary)).isFalse();
            assertThat(tutor.summariesTo(ANNA)).hasSize(1);
        }
    }

    @Nested
    class WhoGetsOne {

        @Test
        void onlyLearnersWhoCoveredAConcept() {
            tutor.coverThreads(ANNA);
            tutor.say(BEN, "/start");

            tutor.digestAt("2026-11-08T18:00:00Z");

            assertThat(tutor.summariesTo(ANNA)).hasSize(1);
            assertThat(tutor.summariesTo(BEN)).isEmpty();
        }

        @Test
        void notForASummaryTimeBeforeTheFirstLesson() {
            clock.set(Instant.parse("2026-11-08T19:00:00Z")); // an hour after Sunday's summary time
            tutor.coverThreads(ANNA);

            assertThat(tutor.digestAt("2026-11-08T20:00:00Z").due()).isZero();
            assertThat(tutor.digestAt("2026-11-15T18:00:00Z").sent()).isEqualTo(1);
        }

        @Test
        void atTheirOwnHourInTheirOwnZone() {
            tutor.coverThreads(ANNA);
            tutor.coverThreads(BEN);
            tutor.say(BEN, "/settings tz Pacific/Auckland");

            // Sunday 19:00 in Auckland (UTC+13), still Sunday morning in UTC
            tutor.digestAt("2026-11-08T06:00:00Z");

            assertThat(tutor.summariesTo(BEN)).hasSize(1);
            assertThat(tutor.summariesTo(ANNA)).isEmpty();
        }

        @Test
        void neverWhenTurnedOff() {
            tutor.coverThreads(ANNA);
            tutor.say(ANNA, "/settings off");

            assertThat(tutor.digestAt("2026-11-08T18:00:00Z").due()).isZero();
            assertThat(tutor.summariesTo(ANNA)).isEmpty();
        }

        @Test
        void notForALearnerWhoBlockedTheBot() {
            tutor.coverThreads(ANNA);
            new SqliteOutbox(tutor.database).deactivateLearner(ANNA);

            assertThat(tutor.digestAt("2026-11-08T18:00:00Z").due()).isZero();
        }

        @Test
        void onlyThoseTheCallerServes() {
            tutor.coverThreads(ANNA);
            tutor.coverThreads(BEN);

            tutor.digest.sendDue(Instant.parse("2026-11-08T18:00:00Z"), id -> id == BEN);

            assertThat(tutor.summariesTo(ANNA)).isEmpty();
            assertThat(tutor.summariesTo(BEN)).hasSize(1);
        }
    }

    @Nested
    class AfterDowntime {

        @Test
        void onlyTheLatestMissedSummaryIsSent() {
            tutor.coverThreads(ANNA);
            tutor.coverThreads(CARLA);
            tutor.digestAt("2026-11-08T18:00:00Z");
            // down from then until Tuesday 1 December: three Sundays missed

            var catchUp = restart().digestAt("2026-12-01T08:00:00Z");

            assertThat(catchUp.sent()).isEqualTo(2);
            assertThat(tutor.sentWeeks(ANNA)).containsExactly("2026-11-02", "2026-11-23");
            assertThat(tutor.summariesTo(ANNA)).hasSize(2);
            assertThat(tutor.digestAt("2026-12-01T08:01:00Z").sent()).isZero();
        }

        @Test
        void theSchedulersFirstPassAtStartIsTheCatchUp() throws InterruptedException {
            tutor.coverThreads(ANNA);
            clock.set(Instant.parse("2026-11-10T07:00:00Z"));
            var woken = new CountDownLatch(1);

            try (var scheduler = new DigestScheduler(tutor.digest, clock, id -> true, Duration.ofHours(1), woken::countDown)) {
                scheduler.start();
                assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();
            }

            assertThat(tutor.sentWeeks(ANNA)).containsExactly("2026-11-02");
        }

        @Test
        void aPassThatFailsDoesNotEndTheSchedule() {
            var calls = new int[1];
            var failing = new WeeklyDigest(null, new SummaryLedger() {
                @Override
                public List<Candidate> candidates() {
                    calls[0]++;
                    throw new IllegalStateException("database is gone");
                }

                @Override
                public boolean isSent(long learnerId, LocalDate weekStart) {
                    return false;
                }

                @Override
                public boolean record(Candidate learner, LocalDate weekStart, Instant dueAt,
                                      dev.socratic.tutor.Outbound summary) {
                    return false;
                }
            });
            var scheduler = new DigestScheduler(failing, clock, id -> true, Duration.ofHours(1), () -> { });

            scheduler.runOnce();
            scheduler.runOnce();

            assertThat(calls[0]).isEqualTo(2);
            scheduler.close();
        }
    }
}
