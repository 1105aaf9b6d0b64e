package dev.socratic.tutor;

import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.tutor.Outbound.Image;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Outbound.Photo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts pictures before the message they illustrate: a topic's picture when the learner enters the
 * topic, and a concept's own picture, which carries the teaching message as its caption when it is
 * short enough. The message that carries the explanation, caption or text, still ends with the question.
 */
final class Illustrator {

    private final Curriculum curriculum;
    private final Pictures pictures;
    private final Messages messages;

    Illustrator(Curriculum curriculum, Pictures pictures, Messages messages) {
        this.curriculum = curriculum;
        this.pictures = pictures;
        this.messages = messages;
    }

    /** The concept's pictures, then its teaching message; only the message when there is no picture. */
    List<Outbound> teach(Progress progress, Concept concept, Message teaching) {
        var out = new ArrayList<Outbound>();
        var topic = curriculum.topicOf(concept.id());
        boolean entering = topic.concepts().stream().noneMatch(c -> progress.isDone(c.id()));
        if (entering) {
            var picture = pictures.of(topic);
            if (picture.isPresent()) {
                out.add(new Photo(picture.get(),
                        new Message(List.of(new Paragraph(messages.get("picture.topic", topic.title()))), List.of())));
            } else if (progress.done().size() > 0) {
                // a topic without a big picture is still announced (the very first one has the welcome)
                teaching = teaching.after(List.of(new Paragraph(messages.get("topic.new", topic.title()))));
            }
        }
        var own = pictures.of(concept);
        if (own.isPresent()) {
            out.addAll(attach(own.get(), teaching));
        } else {
            out.add(teaching);
        }
        return out;
    }

    /** The concept's own picture, else its topic's: what a learner who asks for a picture is shown. */
    Optional<Image> pictureFor(Concept concept) {
        return pictures.of(concept).<Image>map(image -> image)
                .or(() -> pictures.of(curriculum.topicOf(concept.id())));
    }

    /**
     * One photo with the whole message as its caption when it fits; otherwise the photo alone, then
     * the message (a short caption would only repeat the message's title).
     */
    static List<Outbound> attach(Image image, Message message) {
        if (message.plainText().length() <= Photo.MAX_CAPTION) {
            return List.of(new Photo(image, message));
        }
        return List.of(Photo.uncaptioned(image), message);
    }
}
