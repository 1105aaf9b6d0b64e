package dev.socratic.llm;

import dev.socratic.tutor.TeachingRule;
import dev.socratic.tutor.VoiceRequest.Purpose;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt files of {@code prompts/}, read and checked once at start-up: every file present,
 * every placeholder known, every teaching rule named. Filling a template leaves out each line whose
 * placeholder has nothing to say, so "Code shown with it:" vanishes for a question without code.
 */
public final class PromptTemplates {

    static final Set<String> PLACEHOLDERS = Set.of("concept_title", "topic_title", "explain", "go", "check_kind",
            "check_prompt", "check_code", "hint", "hint_number", "hint_count", "model_answer", "learner_text",
            "grade", "covered", "recent_titles", "revealed_titles", "hints_used", "recent", "drawable", "violations");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String SYSTEM = "system.txt";
    private static final String REVISE = "revise.txt";
    private static final String VIOLATIONS = "violations.properties";

    private final String system;
    private final Map<Purpose, String> purposes;
    private final String revise;
    private final Map<TeachingRule, String> violations;

    private PromptTemplates(String system, Map<Purpose, String> purposes, String revise,
                            Map<TeachingRule, String> violations) {
        this.system = system;
        this.purposes = purposes;
        this.revise = revise;
        this.violations = violations;
    }

    /** The prompts in {@code folder}. */
    public static PromptTemplates load(Path folder) {
        return read(name -> {
            var file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new PromptException(folder.resolve(name) + ": missing");
            }
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PromptException(file + ": cannot read: " + e.getMessage());
            }
        });
    }

    /** The copy of {@code prompts/} packed into the jar at build time. */
    public static PromptTemplates loadBundled() {
        return read(name -> {
            try (var in = PromptTemplates.class.getResourceAsStream("/prompts/" + name)) {
                if (in == null) {
                    throw new PromptException("prompts/" + name + ": missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PromptException("prompts/" + name + ": cannot read from the jar: " + e.getMessage());
            }
        });
    }

    private static PromptTemplates read(FileReader files) {
        var system = checked(SYSTEM, files.read(SYSTEM));
        var purposes = new EnumMap<Purpose, String>(Purpose.class);
        for (var purpose : Purpose.values()) {
            var name = purpose.promptName() + ".txt";
            purposes.put(purpose, checked(name, files.read(name)));
        }
        var revise = checked(REVISE, files.read(REVISE));
        var properties = new Properties();
        try (var in = new StringReader(files.read(VIOLATIONS))) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new PromptException("prompts/" + VIOLATIONS + ": " + e.getMessage());
        }
        var violations = new EnumMap<TeachingRule, String>(TeachingRule.class);
        for (var rule : TeachingRule.values()) {
            var text = properties.getProperty(rule.name(), "").strip();
            if (text.isEmpty()) {
                throw new PromptException("prompts/" + VIOLATIONS + ": no line for " + rule.name());
            }
            violations.put(rule, text);
        }
        return new PromptTemplates(system, purposes, revise, violations);
    }

    private static String checked(String name, String template) {
        var matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw new PromptException("prompts/" + name + ": unknown placeholder {{" + matcher.group(1) + "}}");
            }
        }
        if (template.isBlank()) {
            throw new PromptException("prompts/" + name + ": empty");
        }
        return template;
    }

    String system(Map<String, String> values) {
        return fill(system, values);
    }

    String purpose(Purpose purpose, Map<String, String> values) {
        return fill(purposes.get(purpose), values);
    }

    String revise(List<TeachingRule> rules) {
        var lines = new ArrayList<String>();
        rules.stream().distinct().forEach(rule -> lines.add("- " + violations.get(rule)));
        var values = new HashMap<String, String>();
        values.put("violations", String.join("\n", lines));
        return fill(revise, values);
    }

    /** Fills the placeholders; a line with a placeholder whose value is empty is left out. */
    static String fill(String template, Map<String, String> values) {
        var out = new StringBuilder();
        for (var line : template.strip().split("\\R", -1)) {
            var matcher = PLACEHOLDER.matcher(line);
            var filled = new StringBuilder();
            boolean empty = false;
            while (matcher.find()) {
                var value = values.getOrDefault(matcher.group(1), "").strip();
                empty |= value.isEmpty();
                matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(filled);
            if (!empty) {
                out.append(filled).append('\n');
            }
        }
        return out.toString().strip();
    }

    @FunctionalInterface
    private interface FileReader {
        String read(String name);
    }

    /** A prompt file that cannot be used; the message names it. */
    public static final class PromptException extends RuntimeException {
        PromptException(String message) {
            super(message);
        }
    }
}
