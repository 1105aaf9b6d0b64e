package dev.socratic.tutor;

import dev.socratic.curriculum.Topic;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Outbound.Photo;
import dev.socratic.tutor.Outbound.RenderedImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;

/**
 * The /map answer: a picture of where the learner stands, all topics or one topic's concepts. When
 * the picture cannot be drawn the same map goes out as text, so /map always answers.
 */
final class MapReply {

    private final KnowledgeMaps maps;
    private final MapRenderer renderer;
    private final Messages messages;
    private final List<Topic> topics;

    MapReply(KnowledgeMaps maps, MapRenderer renderer, Messages messages, List<Topic> topics) {
        this.maps = maps;
        this.renderer = renderer;
        this.messages = messages;
        this.topics = topics;
    }

    /**
     * @param withPending turns a text into a message that ends with whatever is open for the learner
     */
    List<Outbound> answer(LearnerState state, String args, Set<String> due, Function<String, Message> withPending) {
        KnowledgeMap map;
        String caption;
        String fileName;
        if (args.isBlank()) {
            map = maps.overview(state, due);
            caption = messages.get("map.caption.overview", legendLine(map), topics.getFirst().id());
            fileName = "map.png";
        } else {
            var topic = maps.findTopic(args);
            if (topic.isEmpty()) {
                var ids = String.join(", ", topics.stream().map(Topic::id).toList());
                return List.of(withPending.apply(messages.get("map.unknown", args.strip(), ids)));
            }
            map = maps.topic(state, topic.get(), due);
            caption = messages.get("map.caption.topic", legendLine(map));
            fileName = "map-" + topic.get().id() + ".png";
        }
        var png = draw(map);
        if (png.isEmpty()) {
            return List.of(withPending.apply(asText(map)));
        }
        var image = new RenderedImage(fileName, png.get());
        var whole = withPending.apply(caption);
        if (whole.plainText().length() <= Photo.MAX_CAPTION) {
            return List.of(new Photo(image, whole));
        }
        // a long open question (with code) does not fit a caption: the legend goes with the picture
        return List.of(new Photo(image, new Message(List.of(new Paragraph(caption)), List.of())),
                withPending.apply(messages.get("map.back")));
    }

    private Optional<byte[]> draw(KnowledgeMap map) {
        try {
            return renderer.render(map);
        } catch (RuntimeException e) {
            // a renderer must not throw; if one does, the learner still gets the map in words
            return Optional.empty();
        }
    }

    private String legendLine(KnowledgeMap map) {
        var parts = new ArrayList<String>();
        for (var state : KnowledgeMap.State.values()) {
            parts.add(messages.get("map.colour." + state.name().toLowerCase()) + " " + map.legend().get(state));
        }
        return String.join(" · ", parts);
    }

    private String asText(KnowledgeMap map) {
        var lines = new ArrayList<String>();
        lines.add(map.title());
        for (var node : map.nodes()) {
            var mark = messages.get("map.mark." + node.state().name().toLowerCase());
            var detail = node.detail().isEmpty() ? "" : " (" + node.detail() + ")";
            lines.add(mark + " " + node.label() + detail);
        }
        return String.join("\n", lines);
    }
}
