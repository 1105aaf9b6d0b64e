package dev.socratic.tutor;

import dev.socratic.tutor.Event.Type;
import dev.socratic.tutor.VoiceReply.Drafted;
import dev.socratic.tutor.VoiceReply.Unavailable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The voice behind the guard: a draft, checked; on a violation one revision request naming it,
 * checked again; otherwise nothing, and the caller sends its authored text. Every draft, violation
 * and fallback becomes an event, so rates and prompt sizes can be measured from the event table.
 */
final class GuardedVoice {

    private static final int MAX_DETAIL = 200;

    private final Voice voice;
    private final PedagogyGuard guard;
    private final Clock clock;
    private final VoiceTimings timings;

    GuardedVoice(Voice voice, PedagogyGuard guard, Clock clock, VoiceTimings timings) {
        this.voice = voice;
        this.guard = guard;
        this.clock = clock;
        this.timings = timings;
    }

    /** The time the voice may still use in a turn that starts now. */
    Budget startTurn() {
        return new Budget(clock.instant().plus(timings.turn()));
    }

    Spoken speak(VoiceRequest request, GuardContext context, Budget budget, String conceptId) {
        var events = new ArrayList<Event>();
        var purpose = request.purpose().promptName();
        var first = ask(request, budget, events, conceptId, purpose);
        if (first.isEmpty()) {
            return new Spoken(Optional.empty(), events);
        }
        var violations = guard.check(first.get(), context);
        if (violations.isEmpty()) {
            return new Spoken(first, events);
        }
        record(violations, "draft", purpose, conceptId, events);
        var revised = ask(request.revise(violations), budget, events, conceptId, purpose + " revision");
        if (revised.isEmpty()) {
            return new Spoken(Optional.empty(), events);
        }
        var again = guard.check(revised.get(), context);
        if (again.isEmpty()) {
            return new Spoken(revised, events);
        }
        record(again, "revision", purpose, conceptId, events);
        events.add(new Event(Type.VOICE_FALLBACK, conceptId, purpose + " guard"));
        return new Spoken(Optional.empty(), events);
    }

    private Optional<String> ask(VoiceRequest request, Budget budget, List<Event> events, String conceptId,
                                 String what) {
        var timeout = budget.next(timings.call());
        if (timeout.compareTo(timings.minCall()) < 0) {
            events.add(new Event(Type.VOICE_FALLBACK, conceptId, what + " no time left"));
            return Optional.empty();
        }
        return switch (voice.speak(request, timeout)) {
            case Drafted drafted -> {
                events.add(new Event(Type.VOICE_DRAFTED, conceptId, what + " tokens=" + drafted.promptTokens()));
                yield Optional.of(tidy(drafted.text()));
            }
            case Unavailable unavailable -> {
                var sent = unavailable.promptTokens() > 0 ? " tokens=" + unavailable.promptTokens() : "";
                events.add(new Event(Type.VOICE_FALLBACK, conceptId, what + " " + unavailable.reason() + sent));
                yield Optional.empty();
            }
        };
    }

    private static void record(List<Violation> violations, String which, String purpose, String conceptId,
                               List<Event> events) {
        for (var violation : violations) {
            var detail = violation.rule() + " " + purpose + " " + which + ": " + violation.detail();
            events.add(new Event(Type.GUARD_VIOLATION, conceptId,
                    detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail));
        }
    }

    /** Models like to sign or quote their lines; the learner should see just the words. */
    static String tidy(String draft) {
        var text = draft.strip().replaceFirst("(?i)^(tutor|assistant|socratic tutor)\\s*:\\s*", "");
        if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"") && text.indexOf('"', 1) == text.length() - 1) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    /** The deadline of one turn. */
    final class Budget {
        private final Instant deadline;

        private Budget(Instant deadline) {
            this.deadline = deadline;
        }

        /** At most {@code cap}, and no more than what is left of the turn. */
        Duration next(Duration cap) {
            var left = Duration.between(clock.instant(), deadline);
            return left.isNegative() ? Duration.ZERO : (left.compareTo(cap) < 0 ? left : cap);
        }
    }

    record Spoken(Optional<String> draft, List<Event> events) {
        Spoken {
            events = List.copyOf(events);
        }
    }
}
