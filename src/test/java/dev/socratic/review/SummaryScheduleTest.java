package dev.socratic.review;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryScheduleTest {

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static SummarySchedule in(String zone, DayOfWeek day, int hour) {
        return new SummarySchedule(ZoneId.of(zone), day, hour, true);
    }

    @Nested
    class TheDefault {

        private final SummarySchedule schedule = SummarySchedule.DEFAULT;

        @Test
        void isSundayAtSixInTheEveningUtc() {
            assertThat(schedule.zone().getId()).isEqualTo("UTC");
            assertThat(schedule.day()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(schedule.hour()).isEqualTo(18);
            assertThat(schedule.enabled()).isTrue();
        }

        @Test
        void theLatestTimeIsThePreviousSundayOrThisOneOnceItHasCome() {
            assertThat(schedule.latestAtOrBefore(at("2026-11-25T12:00:00Z"))).isEqualTo(at("2026-11-22T18:00:00Z"));
            assertThat(schedule.latestAtOrBefore(at("2026-11-29T17:59:59Z"))).isEqualTo(at("2026-11-22T18:00:00Z"));
            assertThat(schedule.latestAtOrBefore(at("2026-11-29T18:00:00Z"))).isEqualTo(at("2026-11-29T18:00:00Z"));
            assertThat(schedule.nextAfter(at("2026-11-29T18:00:00Z"))).isEqualTo(at("2026-12-06T18:00:00Z"));
        }

        @Test
        void aWeekIsNamedByItsMonday() {
            assertThat(schedule.weekOf(at("2026-11-29T18:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 23));
        }
    }

    @Nested
    class AcrossTimeZones {

        @Test
        void theSameInstantIsAfterSundaysSummaryInAucklandButBeforeItInLosAngeles() {
            var sundayMorningUtc = at("2026-11-29T10:00:00Z");

            // Auckland (UTC+13 in summer): 23:00 on Sunday, so this Sunday's 18:00 has come
            assertThat(in("Pacific/Auckland", DayOfWeek.SUNDAY, 18).latestAtOrBefore(sundayMorningUtc))
                    .isEqualTo(at("2026-11-29T05:00:00Z"));
            // Los Angeles (UTC-8): 02:00 on Sunday, so the latest is last Sunday's
            assertThat(in("America/Los_Angeles", DayOfWeek.SUNDAY, 18).latestAtOrBefore(sundayMorningUtc))
                    .isEqualTo(at("2026-11-23T02:00:00Z"));
        }

        @Test
        void theWeekIsTheLearnersOwn() {
            var auckland = in("Pacific/Auckland", DayOfWeek.MONDAY, 8);
            // Monday 08:00 in Auckland is still Sunday in UTC
            var summary = auckland.latestAtOrBefore(at("2026-11-30T00:00:00Z"));

            assertThat(summary).isEqualTo(at("2026-11-29T19:00:00Z"));
            assertThat(auckland.weekOf(summary)).isEqualTo(LocalDate.of(2026, 11, 30));
        }
    }

    @Nested
    class AcrossDaylightSaving {

        @Test
        void theLocalHourStaysWhenTheOffsetChanges() {
            var berlin = in("Europe/Berlin", DayOfWeek.SUNDAY, 18);

            // CET (UTC+1) on the Sunday before the spring change, CEST (UTC+2) on the one after
            assertThat(berlin.latestAtOrBefore(at("2026-03-23T00:00:00Z"))).isEqualTo(at("2026-03-22T17:00:00Z"));
            assertThat(berlin.latestAtOrBefore(at("2026-03-30T00:00:00Z"))).isEqualTo(at("2026-03-29T16:00:00Z"));
            assertThat(berlin.nextAfter(at("2026-03-22T17:00:00Z"))).isEqualTo(at("2026-03-29T16:00:00Z"));
            // and back in autumn
            assertThat(berlin.latestAtOrBefore(at("2026-10-26T00:00:00Z"))).isEqualTo(at("2026-10-25T17:00:00Z"));
        }

        @Test
        void anHourTheSpringChangeSkipsIsTakenAsTheFirstHourAfterTheGap() {
            var berlin = in("Europe/Berlin", DayOfWeek.SUNDAY, 2);

            // on 29 March 2026 Berlin's clocks jump from 02:00 to 03:00 CEST (01:00 UTC)
            assertThat(berlin.latestAtOrBefore(at("2026-03-29T12:00:00Z"))).isEqualTo(at("2026-03-29T01:00:00Z"));
            assertThat(berlin.latestAtOrBefore(at("2026-03-29T00:59:59Z"))).isEqualTo(at("2026-03-22T01:00:00Z"));
        }

        @Test
        void anHourTheAutumnChangeRepeatsCountsOnce() {
            var berlin = in("Europe/Berlin", DayOfWeek.SUNDAY, 2);
            var first = at("2026-10-25T00:00:00Z"); // 02:00 CEST
            var repeated = at("2026-10-25T01:30:00Z"); // 02:30 CET, the second pass through that hour

            assertThat(berlin.latestAtOrBefore(repeated)).isEqualTo(first);
            assertThat(berlin.nextAfter(first)).isEqualTo(at("2026-11-01T01:00:00Z"));
            assertThat(berlin.weekOf(first)).isEqualTo(berlin.weekOf(repeated));
        }

        @Test
        void newYorkChangesOnOtherDatesThanEurope() {
            var newYork = in("America/New_York", DayOfWeek.SUNDAY, 18);

            // EST (UTC-5) until 8 March 2026, EDT (UTC-4) after; Berlin is still on CET then
            assertThat(newYork.latestAtOrBefore(at("2026-03-02T00:00:00Z"))).isEqualTo(at("2026-03-01T23:00:00Z"));
            assertThat(newYork.latestAtOrBefore(at("2026-03-09T00:00:00Z"))).isEqualTo(at("2026-03-08T22:00:00Z"));
            assertThat(in("Europe/Berlin", DayOfWeek.SUNDAY, 18).latestAtOrBefore(at("2026-03-09T00:00:00Z")))
                    .isEqualTo(at("2026-03-08T17:00:00Z"));
        }
    }
}
