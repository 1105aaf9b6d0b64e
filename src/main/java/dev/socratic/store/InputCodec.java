package dev.socratic.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socratic.tutor.Input;
import dev.socratic.tutor.Input.Choice;
import dev.socratic.tutor.Input.Command;
import dev.socratic.tutor.Input.Text;

/** A learner's input as JSON, for the inbox. */
final class InputCodec {

    private final ObjectMapper json = new ObjectMapper();

    String write(Input input) {
        var node = json.createObjectNode();
        switch (input) {
            case Command command -> node.put("type", "command").put("name", command.name()).put("args", command.args());
            case Text text -> node.put("type", "text").put("text", text.text());
            case Choice choice -> node.put("type", "choice").put("data", choice.data());
        }
        return node.toString();
    }

    Input read(String text) {
        try {
            var node = json.readTree(text);
            return switch (node.path("type").asText()) {
                case "command" -> new Command(node.path("name").asText(), node.path("args").asText());
                case "choice" -> new Choice(node.path("data").asText());
                default -> new Text(node.path("text").asText());
            };
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable inbox input: " + e.getOriginalMessage(), e);
        }
    }
}
