package dev.socratic.tutor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/** A hand-written fake of the {@link Voice} port: replies in the order given, and remembers every request. */
final class ScriptedVoice implements Voice {

    private final Deque<Function<VoiceRequest, VoiceReply>> script = new ArrayDeque<>();
    final List<VoiceRequest> requests = new ArrayList<>();
    final List<Duration> timeouts = new ArrayList<>();

    ScriptedVoice says(String... drafts) {
        for (var draft : drafts) {
            script.add(request -> new VoiceReply.Drafted(draft, 500));
        }
        return this;
    }

    ScriptedVoice fails(String reason) {
        script.add(request -> new VoiceReply.Unavailable(reason));
        return this;
    }

    ScriptedVoice then(Function<VoiceRequest, VoiceReply> reply) {
        script.add(reply);
        return this;
    }

    @Override
    public VoiceReply speak(VoiceRequest request, Duration timeout) {
        requests.add(request);
        timeouts.add(timeout);
        var next = script.poll();
        return next == null ? new VoiceReply.Unavailable("script ended") : next.apply(request);
    }
}
