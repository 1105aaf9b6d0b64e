package dev.socratic.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socratic.tutor.LearnerState;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.Finished;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;
import dev.socratic.tutor.Progress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Learner states as JSON, written by hand so the core needs no serialisation annotations. */
final class StateCodec {

    private final ObjectMapper json = new ObjectMapper();

    String write(LearnerState state) {
        var node = json.createObjectNode();
        switch (state) {
            case NotStarted notStarted -> node.put("type", "not-started");
            case AwaitingAnswer awaiting -> node.put("type", "awaiting-answer")
                    .put("concept", awaiting.conceptId())
                    .put("hintsUsed", awaiting.hintsUsed())
                    .put("sofar", awaiting.sofar());
            case ReadyToAdvance ready -> node.put("type", "ready-to-advance").put("concept", ready.conceptId());
            case Finished finished -> node.put("type", "finished");
        }
        writeProgress(node, state.progress());
        return node.toString();
    }

    LearnerState read(String text) {
        try {
            var node = json.readTree(text);
            var progress = readProgress(node);
            return switch (node.path("type").asText()) {
                case "not-started" -> new NotStarted();
                case "awaiting-answer" -> new AwaitingAnswer(progress, node.path("concept").asText(),
                        node.path("hintsUsed").asInt(), node.path("sofar").asText(""));
                case "ready-to-advance" -> new ReadyToAdvance(progress, node.path("concept").asText());
                case "finished" -> new Finished(progress);
                default -> throw new StoreException("unknown learner state: " + text, null);
            };
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable learner state: " + e.getOriginalMessage(), e);
        }
    }

    private static void writeProgress(ObjectNode node, Progress progress) {
        var done = node.putArray("done");
        progress.done().forEach(done::add);
        var revealed = node.putArray("revealed");
        progress.revealed().stream().sorted().forEach(revealed::add);
    }

    private static Progress readProgress(JsonNode node) {
        return new Progress(strings(node.path("done")), new HashSet<>(strings(node.path("revealed"))));
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }
}
