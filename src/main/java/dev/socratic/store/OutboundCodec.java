package dev.socratic.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socratic.tutor.Outbound;
import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Button;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Heading;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;

import java.util.ArrayList;

/** Outbound messages as JSON for the outbox. */
final class OutboundCodec {

    private final ObjectMapper json = new ObjectMapper();

    String write(Outbound outbound) {
        var node = json.createObjectNode();
        switch (outbound) {
            case Message message -> {
                node.put("type", "message");
                var blocks = node.putArray("blocks");
                for (var block : message.blocks()) {
                    var kind = switch (block) {
                        case Heading heading -> "heading";
                        case Paragraph paragraph -> "paragraph";
                        case Code code -> "code";
                    };
                    blocks.addObject().put("kind", kind).put("text", block.text());
                }
                var buttons = node.putArray("buttons");
                message.buttons().forEach(b -> buttons.addObject().put("label", b.label()).put("data", b.data()));
            }
        }
        return node.toString();
    }

    Outbound read(String text) {
        try {
            var node = json.readTree(text);
            var blocks = new ArrayList<Block>();
            for (var block : node.path("blocks")) {
                var content = block.path("text").asText();
                blocks.add(switch (block.path("kind").asText()) {
                    case "heading" -> new Heading(content);
                    case "code" -> new Code(content);
                    default -> new Paragraph(content);
                });
            }
            var buttons = new ArrayList<Button>();
            node.path("buttons").forEach(b -> buttons.add(new Button(b.path("label").asText(), b.path("data").asText())));
            return new Message(blocks, buttons);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable outbox message: " + e.getOriginalMessage(), e);
        }
    }
}
