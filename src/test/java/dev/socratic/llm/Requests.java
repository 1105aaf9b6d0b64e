package dev.socratic.llm;

import dev.socratic.tutor.Transcript;
import dev.socratic.tutor.VoiceRequest;
import dev.socratic.tutor.VoiceRequest.Mastery;
import dev.socratic.tutor.VoiceRequest.Material;
import dev.socratic.tutor.VoiceRequest.Purpose;

import java.util.List;
import java.util.Optional;

/** Voice requests as the core builds them, for the llm package's tests. */
final class Requests {

    private Requests() {
    }

    static VoiceRequest hint() {
        var material = new Material("Threads", "Basics", "A thread is one line of execution inside a process.", "",
                "explain-back", "Two threads append to one list. Why can each see the other's items?", "",
                "Where does the list live?", 1, 2, "");
        return new VoiceRequest(Purpose.HINT, material, new Mastery(0, List.of(), List.of(), 0),
                List.of(new Transcript.Line(Transcript.Role.LEARNER, "/start")), "", "", false, Optional.empty());
    }

    static VoiceRequest correct() {
        var material = new Material("Threads", "Basics", "A thread is one line of execution inside a process.", "",
                "explain-back", "Why can each see the other's items?", "", "", 0, 2,
                "Threads share the memory of their process.");
        return new VoiceRequest(Purpose.CORRECT, material, new Mastery(2, List.of("Intro", "Processes"),
                List.of("Processes"), 0), List.of(), "they share memory", "correct", true, Optional.empty());
    }
}
