package dev.socratic.tutor;

import dev.socratic.review.SummarySchedule;
import dev.socratic.tutor.Event.Type;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.ZoneId;

import static dev.socratic.tutor.Learner.text;
import static dev.socratic.tutor.Learner.types;
import static org.assertj.core.api.Assertions.assertThat;

class SettingsTest {

    private final Learner learner = new Learner();

    private SummarySchedule schedule() {
        return learner.recall.schedule();
    }

    @Test
    void withoutArgumentsShowsTheScheduleTheNextSummaryAndHowToChangeIt() {
        learner.coveringThreads();

        var turn = learner.say("/settings");

        assertThat(text(turn)).contains("on, every Sunday at 18:00 (UTC)", "Next one: Sunday 8 November, 18:00",
                "/settings tz Europe/Berlin", "/settings day monday", "/settings hour 9", "/settings off");
        assertThat(turn.events()).isEmpty();
    }

    @Test
    void setsTheTimeZoneDayAndHour() {
        learner.coveringThreads();

        learner.say("/settings tz Europe/Berlin");
        learner.say("/settings day monday");
        var turn = learner.say("/settings hour 9");

        assertThat(schedule()).isEqualTo(new SummarySchedule(ZoneId.of("Europe/Berlin"), DayOfWeek.MONDAY, 9, true));
        assertThat(text(turn)).contains("Saved.", "every Monday at 09:00 (Europe/Berlin)", "Next one: Monday 9 November, 09:00");
        assertThat(turn.events()).containsExactly(new Event(Type.SETTINGS_CHANGED, "", "Europe/Berlin MONDAY 09:00 on"));
    }

    @Test
    void acceptsSeveralChangesAtOnceAndBareValues() {
        learner.say("/settings timezone america/new_york friday 7:00");

        assertThat(schedule()).isEqualTo(new SummarySchedule(ZoneId.of("America/New_York"), DayOfWeek.FRIDAY, 7, true));
    }

    @Test
    void turnsTheSummaryOffAndOnKeepingItsTime() {
        learner.say("/settings hour 20");

        var off = learner.say("/settings off");
        assertThat(schedule().enabled()).isFalse();
        assertThat(text(off)).contains("off").doesNotContain("Next one");

        learner.say("/settings on");
        assertThat(schedule()).isEqualTo(SummarySchedule.DEFAULT.withHour(20));
    }

    @Test
    void somethingItCannotReadChangesNothingAndSaysWhy() {
        learner.say("/settings day monday");
        var before = learner.recall;

        assertThat(text(learner.say("/settings tz Mars/Olympus"))).contains("I don't know the time zone \"Mars/Olympus\"");
        assertThat(text(learner.say("/settings hour 24"))).contains("whole hour from 0 to 23");
        assertThat(text(learner.say("/settings hour 9:30"))).contains("whole hour");
        assertThat(text(learner.say("/settings day someday"))).contains("I don't know the day");
        var mixed = learner.say("/settings hour 9 tz Nowhere");
        assertThat(text(mixed)).contains("Nowhere");
        assertThat(types(mixed)).isEmpty();
        assertThat(text(learner.say("/settings please"))).contains("didn't understand \"please\"");
        assertThat(learner.recall).isEqualTo(before);
    }

    @Test
    void theReplyAsksAgainWhatIsOpen() {
        learner.say("/start");

        var turn = learner.say("/settings hour 8");

        assertThat(text(turn)).endsWith("Why can two threads see the same list?");
    }
}
