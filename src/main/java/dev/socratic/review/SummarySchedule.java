package dev.socratic.review;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * When a learner's weekly recall summary is due: a day of the week and a whole hour in their time
 * zone, or never when it is turned off.
 *
 * <p>Daylight saving: an hour that a spring change skips is taken as the first hour after the gap
 * (02:00 → 03:00), and an hour that an autumn change repeats counts once, at its first occurrence
 * ({@link ZonedDateTime#of} resolves both that way).
 */
public record SummarySchedule(ZoneId zone, DayOfWeek day, int hour, boolean enabled) {

    /** Sunday 18:00 UTC: the end of most people's week, in the one zone that is right for nobody in particular. */
    public static final SummarySchedule DEFAULT = new SummarySchedule(ZoneId.of("UTC"), DayOfWeek.SUNDAY, 18, true);

    public SummarySchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(day, "day");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0 to 23, was " + hour);
        }
    }

    public SummarySchedule withZone(ZoneId newZone) {
        return new SummarySchedule(newZone, day, hour, enabled);
    }

    public SummarySchedule withDay(DayOfWeek newDay) {
        return new SummarySchedule(zone, newDay, hour, enabled);
    }

    public SummarySchedule withHour(int newHour) {
        return new SummarySchedule(zone, day, newHour, enabled);
    }

    public SummarySchedule withEnabled(boolean on) {
        return new SummarySchedule(zone, day, hour, on);
    }

    /** The latest summary time at or before {@code instant} (whether or not the schedule is enabled). */
    public Instant latestAtOrBefore(Instant instant) {
        var date = instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(day));
        var candidate = at(date);
        return candidate.isAfter(instant) ? at(date.minusWeeks(1)) : candidate;
    }

    /** The first summary time strictly after {@code instant}. */
    public Instant nextAfter(Instant instant) {
        var date = instant.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(day));
        var candidate = at(date);
        return candidate.isAfter(instant) ? candidate : at(date.plusWeeks(1));
    }

    /**
     * The week a summary time belongs to, as the Monday that starts it in the learner's zone. Keyed
     * this way, moving the summary to another day cannot produce a second summary in the same week.
     */
    public LocalDate weekOf(Instant summaryTime) {
        return summaryTime.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private Instant at(LocalDate date) {
        return ZonedDateTime.of(date, LocalTime.of(hour, 0), zone).toInstant();
    }
}
