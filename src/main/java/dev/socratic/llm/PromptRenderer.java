package dev.socratic.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.socratic.tutor.Transcript;
import dev.socratic.tutor.Violation;
import dev.socratic.tutor.VoiceRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a request of the core into chat messages: the system prompt, then the purpose's prompt with,
 * on a revision, the rules the first draft broke (never the draft itself).
 */
final class PromptRenderer {

    private final PromptTemplates templates;

    PromptRenderer(PromptTemplates templates) {
        this.templates = templates;
    }

    List<ChatMessage> render(VoiceRequest request) {
        var values = values(request);
        var ask = templates.purpose(request.purpose(), values);
        var revise = request.revision()
                .map(revision -> "\n\n" + templates.revise(revision.violations().stream().map(Violation::rule).toList()))
                .orElse("");
        return List.of(SystemMessage.from(templates.system(values)), UserMessage.from(ask + revise));
    }

    private static Map<String, String> values(VoiceRequest request) {
        var material = request.material();
        var mastery = request.mastery();
        var values = new HashMap<String, String>();
        values.put("concept_title", material.conceptTitle());
        values.put("topic_title", material.topicTitle());
        values.put("explain", material.explain());
        values.put("go", material.go());
        values.put("check_kind", material.checkKind());
        values.put("check_prompt", material.checkPrompt());
        values.put("check_code", material.checkCode());
        values.put("hint", material.hint());
        values.put("hint_number", material.hintNumber() == 0 ? "" : Integer.toString(material.hintNumber()));
        values.put("hint_count", Integer.toString(material.hintCount()));
        values.put("model_answer", material.modelAnswer());
        values.put("learner_text", request.learnerText());
        values.put("grade", request.grade());
        values.put("covered", Integer.toString(mastery.covered()));
        values.put("recent_titles", String.join(", ", mastery.recentTitles()));
        values.put("revealed_titles", String.join(", ", mastery.revealedTitles()));
        values.put("hints_used", request.purpose().questionOpen() ? Integer.toString(mastery.hintsUsed()) : "");
        values.put("recent", recent(request.recent()));
        // the kinds of diagram worth drawing on a phone; empty (and the line left out) when none can be drawn
        values.put("drawable", request.pictures() ? "a flowchart, a sequenceDiagram or a stateDiagram-v2" : "");
        return values;
    }

    private static String recent(List<Transcript.Line> lines) {
        var text = new StringBuilder();
        for (var line : lines) {
            text.append(line.role() == Transcript.Role.LEARNER ? "Learner: " : "Tutor: ").append(line.text()).append('\n');
        }
        return text.toString().strip();
    }
}
