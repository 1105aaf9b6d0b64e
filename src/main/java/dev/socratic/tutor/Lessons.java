package dev.socratic.tutor;

import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.Question;
import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Button;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Heading;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;

import java.util.ArrayList;
import java.util.List;

/** Builds the messages that carry curriculum text, so every rule about their shape lives in one place. */
final class Lessons {

    static final String READY = "next";

    private final Curriculum curriculum;
    private final Messages messages;

    Lessons(Curriculum curriculum, Messages messages) {
        this.curriculum = curriculum;
        this.messages = messages;
    }

    /** One concept: title, explanation, the Go comparison and links, then its check (code before the question). */
    Message teach(Concept concept) {
        return teach(concept, List.of(new Paragraph(concept.explain())));
    }

    /** As {@link #teach(Concept)}, with the explanation in other words (the voice's); the rest as authored. */
    Message teach(Concept concept, List<Block> explanation) {
        var blocks = new ArrayList<Block>();
        blocks.add(new Heading(concept.title()));
        blocks.addAll(explanation);
        if (!concept.go().isEmpty()) {
            blocks.add(new Paragraph(messages.get("go.prefix") + " " + concept.go()));
        }
        var linked = concept.links().stream()
                .flatMap(id -> curriculum.concept(id).stream())
                .map(Concept::title)
                .toList();
        if (!linked.isEmpty()) {
            blocks.add(new Paragraph(messages.get("links.prefix") + " " + String.join(", ", linked) + "."));
        }
        blocks.addAll(question(concept.check()));
        return new Message(blocks, List.of());
    }

    /** A question as authored: its code, then its prompt last. */
    List<Block> question(Question question) {
        var blocks = new ArrayList<Block>();
        if (question.hasCode()) {
            blocks.add(new Code(question.code()));
        }
        blocks.add(new Paragraph(question.prompt()));
        return blocks;
    }

    /** Some sentences of the tutor's, then the open question again so the message ends by asking. */
    Message askAgain(Concept concept, String... lead) {
        var blocks = new ArrayList<Block>();
        for (var sentence : lead) {
            blocks.add(new Paragraph(sentence));
        }
        blocks.addAll(question(concept.check()));
        return new Message(blocks, List.of());
    }

    /**
     * The first words of the reply to an answer that is not correct. A partly right one is told which
     * key points it already has (never the missing ones: finding those is the learner's work).
     */
    String notYet(Question question, Verdict verdict) {
        if (verdict.grade() != Verdict.Grade.PARTIAL) {
            return messages.get("incorrect");
        }
        var covered = question.keyPoints().stream().filter(point -> !verdict.missingKeyPoints().contains(point))
                .map(point -> "\u201C" + point + "\u201D").toList();
        if (covered.isEmpty() || covered.size() == question.keyPoints().size()) {
            return messages.get("partial");
        }
        var named = covered.size() == 1 ? covered.getFirst()
                : String.join(", ", covered.subList(0, covered.size() - 1)) + " and " + covered.getLast();
        return messages.get("partial.covered", named);
    }

    /** The reply to code Python cannot read: what the run found, then the ask to fix it (no hint). */
    Message fixFirst(List<Block> found) {
        return text(messages.get("code.fix")).after(found);
    }

    Message text(String... paragraphs) {
        var blocks = new ArrayList<Block>();
        for (var paragraph : paragraphs) {
            blocks.add(new Paragraph(paragraph));
        }
        return new Message(blocks, List.of());
    }

    Message withReadyButton(Message message) {
        return new Message(message.blocks(), List.of(new Button(messages.get("button.ready"), READY)));
    }

    /** Sentences around a question's model answer; a written solution is shown as code, not as prose. */
    Message withAnswer(Question question, String lead, String label, String after) {
        var blocks = new ArrayList<Block>();
        blocks.add(new Paragraph(lead));
        blocks.addAll(answer(question, label));
        blocks.add(new Paragraph(after));
        return new Message(blocks, List.of());
    }

    /** A question's model answer after its {@code label}: a written solution as code, anything else as prose. */
    static List<Block> answer(Question question, String label) {
        return question.kind() == CheckKind.WRITE_CODE
                ? List.of(new Paragraph(label), new Code(question.answer()))
                : List.of(new Paragraph(label + "\n" + question.answer()));
    }
}
