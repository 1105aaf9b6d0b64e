package dev.socratic.tutor;

import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.Finished;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;
import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Heading;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The /progress answer: covered counts overall and per topic, the current concept, what is due for review. */
final class ProgressReport {

    private final Curriculum curriculum;
    private final Messages messages;

    ProgressReport(Curriculum curriculum, Messages messages) {
        this.curriculum = curriculum;
        this.messages = messages;
    }

    /** @param due covered concepts whose review card is due now */
    Message of(LearnerState state, Set<String> due) {
        var progress = state.progress();
        var blocks = new ArrayList<Block>();
        blocks.add(new Heading(messages.get("progress.title")));
        blocks.add(new Paragraph(messages.get("progress.line", progress.done().size(), curriculum.size())));
        var current = switch (state) {
            case AwaitingAnswer awaiting -> curriculum.concept(awaiting.conceptId()).map(Concept::title).orElse("");
            case ReadyToAdvance ready -> curriculum.concept(ready.conceptId()).map(Concept::title).orElse("");
            case NotStarted notStarted -> "";
            case Finished finished -> "";
        };
        if (!current.isEmpty()) {
            blocks.add(new Paragraph(messages.get("progress.current", current)));
        }
        var topicLines = new ArrayList<String>();
        for (var topic : curriculum.topics()) {
            long covered = topic.concepts().stream().filter(c -> progress.isDone(c.id())).count();
            if (covered > 0 || topicLines.isEmpty()) {
                topicLines.add(messages.get("progress.topic", topic.title(), covered, topic.concepts().size()));
            }
        }
        blocks.add(new Paragraph(String.join("\n", topicLines)));
        List<String> review = progress.done().stream()
                .filter(id -> due.contains(id) || progress.revealed().contains(id))
                .flatMap(id -> curriculum.concept(id).stream())
                .map(Concept::title)
                .sorted()
                .toList();
        if (!review.isEmpty()) {
            blocks.add(new Paragraph(messages.get("progress.review", String.join(", ", review))));
        }
        blocks.add(new Paragraph(messages.get(switch (state) {
            case NotStarted notStarted -> "not.started";
            case Finished finished -> "finished.already";
            case AwaitingAnswer awaiting -> "progress.ask";
            case ReadyToAdvance ready -> "progress.ask.ready";
        })));
        return new Message(blocks, List.of());
    }
}
