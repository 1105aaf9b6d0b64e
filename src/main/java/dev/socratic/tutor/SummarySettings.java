package dev.socratic.tutor;

import dev.socratic.review.SummarySchedule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /settings}: reads changes to the weekly summary's schedule ("tz Europe/Berlin", "day monday",
 * "hour 9", "off", "on", or the bare values "monday 9") and describes a schedule in words.
 */
final class SummarySettings {

    private static final Pattern HOUR = Pattern.compile("(\\d{1,2})(?::00)?(?:h)?");
    private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    /** The schedule after the learner's changes, or what could not be understood (then nothing changes). */
    record Change(SummarySchedule schedule, Optional<String> problem) {
    }

    private final Messages messages;

    SummarySettings(Messages messages) {
        this.messages = messages;
    }

    Change apply(SummarySchedule schedule, String args) {
        var words = Arrays.stream(args.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        var result = schedule;
        for (int i = 0; i < words.size(); i++) {
            var word = words.get(i).toLowerCase(Locale.ROOT);
            var value = i + 1 < words.size() ? words.get(i + 1) : "";
            Optional<SummarySchedule> changed;
            switch (word) {
                case "on" -> changed = Optional.of(result.withEnabled(true));
                case "off" -> changed = Optional.of(result.withEnabled(false));
                case "tz", "zone", "timezone", "time-zone" -> {
                    changed = zone(value).map(result::withZone);
                    i++;
                }
                case "day" -> {
                    changed = day(value).map(result::withDay);
                    i++;
                }
                case "hour", "time", "at" -> {
                    changed = hour(value).map(result::withHour);
                    i++;
                }
                default -> {
                    value = words.get(i);
                    changed = bare(result, value);
                }
            }
            if (changed.isEmpty()) {
                return new Change(schedule, Optional.of(problem(word, value)));
            }
            result = changed.get();
        }
        return new Change(result, Optional.empty());
    }

    /** The schedule in words, when the next summary comes, and how to change it. */
    List<String> describe(SummarySchedule schedule, Instant now) {
        var day = schedule.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        var time = "%02d:00".formatted(schedule.hour());
        if (!schedule.enabled()) {
            return List.of(messages.get("settings.off", day, time, schedule.zone().getId()), messages.get("settings.howto"));
        }
        var next = NEXT.format(schedule.nextAfter(now).atZone(schedule.zone()));
        return List.of(messages.get("settings.on", day, time, schedule.zone().getId()),
                messages.get("settings.next", next), messages.get("settings.howto"));
    }

    private Optional<SummarySchedule> bare(SummarySchedule schedule, String value) {
        return day(value).map(schedule::withDay)
                .or(() -> hour(value).map(schedule::withHour))
                .or(() -> value.contains("/") || value.toUpperCase(Locale.ROOT).startsWith("UTC")
                        || value.toUpperCase(Locale.ROOT).startsWith("GMT")
                        ? zone(value).map(schedule::withZone) : Optional.empty());
    }

    private String problem(String word, String value) {
        return switch (word) {
            case "tz", "zone", "timezone", "time-zone" -> messages.get("settings.bad.zone", value);
            case "day" -> messages.get("settings.bad.day", value);
            case "hour", "time", "at" -> messages.get("settings.bad.hour", value);
            default -> messages.get("settings.bad", value);
        };
    }

    static Optional<ZoneId> zone(String value) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value));
        } catch (DateTimeException e) {
            // people type "europe/berlin" or "utc"; region ids are case-sensitive
            return ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.equalsIgnoreCase(value))
                    .findFirst()
                    .map(ZoneId::of);
        }
    }

    static Optional<DayOfWeek> day(String value) {
        var word = value.toLowerCase(Locale.ROOT);
        if (word.length() < 3) {
            return Optional.empty();
        }
        return Arrays.stream(DayOfWeek.values())
                .filter(day -> day.name().toLowerCase(Locale.ROOT).startsWith(word))
                .findFirst();
    }

    static Optional<Integer> hour(String value) {
        var matcher = HOUR.matcher(value.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(matcher.group(1));
        return hour <= 23 ? Optional.of(hour) : Optional.empty();
    }
}
