package dev.socratic.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socratic.tutor.Outbound;
import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Button;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.CurriculumImage;
import dev.socratic.tutor.Outbound.Heading;
import dev.socratic.tutor.Outbound.Image;
import dev.socratic.tutor.Outbound.LinkedImage;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Outbound.Photo;
import dev.socratic.tutor.Outbound.RenderedImage;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Optional;

/**
 * Outbound messages as JSON for the outbox. A curriculum picture is stored by its key (the
 * sender reads the file); a drawn one, such as a map, carries its PNG in Base64.
 */
final class OutboundCodec {

    private final ObjectMapper json = new ObjectMapper();

    String write(Outbound outbound) {
        var node = json.createObjectNode();
        switch (outbound) {
            case Message message -> {
                node.put("type", "message");
                writeMessage(message, node);
            }
            case Photo photo -> {
                node.put("type", "photo");
                var image = node.putObject("image");
                switch (photo.image()) {
                    case CurriculumImage stored -> image.put("kind", "curriculum").put("key", stored.key());
                    case LinkedImage linked -> image.put("kind", "linked").put("url", linked.url());
                    case RenderedImage rendered -> image.put("kind", "rendered").put("name", rendered.fileName())
                            .put("png", Base64.getEncoder().encodeToString(rendered.png()));
                }
                photo.caption().ifPresent(caption -> writeMessage(caption, node.putObject("caption")));
            }
        }
        return node.toString();
    }

    private static void writeMessage(Message message, ObjectNode node) {
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

    Outbound read(String text) {
        try {
            var node = json.readTree(text);
            if ("photo".equals(node.path("type").asText())) {
                var caption = node.has("caption") ? Optional.of(readMessage(node.path("caption"))) : Optional.<Message>empty();
                return new Photo(readImage(node.path("image")), caption);
            }
            // rows written before pictures existed have only messages
            return readMessage(node);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StoreException("unreadable outbox message: " + e.getMessage(), e);
        }
    }

    private static Image readImage(JsonNode image) {
        return switch (image.path("kind").asText()) {
            case "curriculum" -> new CurriculumImage(image.path("key").asText());
            case "linked" -> new LinkedImage(image.path("url").asText());
            case "rendered" -> new RenderedImage(image.path("name").asText(),
                    Base64.getDecoder().decode(image.path("png").asText()));
            default -> throw new IllegalArgumentException("unknown picture kind '" + image.path("kind").asText() + "'");
        };
    }

    private static Message readMessage(JsonNode node) {
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
    }
}
