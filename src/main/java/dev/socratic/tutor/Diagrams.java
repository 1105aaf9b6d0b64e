package dev.socratic.tutor;

import dev.socratic.tutor.DiagramRenderer.Drawn;
import dev.socratic.tutor.DiagramRenderer.Invalid;
import dev.socratic.tutor.DiagramRenderer.Unavailable;
import dev.socratic.tutor.Outbound.LinkedImage;
import dev.socratic.tutor.Outbound.Image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Diagrams the voice writes at run time, in a {@code ```mermaid} block: drawn by the host's
 * renderer (which also validates them), else, when the operator allows it, sent as the address of
 * a public renderer's image for Telegram to fetch, after a structural check. A diagram that cannot
 * become a picture breaks {@link TeachingRule#NO_DIAGRAM_SOURCE}: a learner never gets Mermaid as text.
 */
final class Diagrams {

    static final Diagrams NONE = new Diagrams(DiagramRenderer.NONE, Optional.empty());

    /** A whole {@code ```mermaid} block. */
    private static final Pattern FENCE = Pattern.compile("```[ \\t]*mermaid[^\\n]*\\n(.*?)(?:```|\\z)", Pattern.DOTALL);
    /** A line that opens a Mermaid diagram, fenced or not. */
    static final Pattern OPENING = Pattern.compile(
            "(?m)^\\s*(?:graph (?:TD|TB|BT|LR|RL)|flowchart (?:TD|TB|BT|LR|RL)|sequenceDiagram|stateDiagram(?:-v2)?"
                    + "|classDiagram|erDiagram)\\b");
    /** Directives and callbacks: the LLM's text is untrusted, so a diagram carries neither. */
    private static final Pattern UNSAFE = Pattern.compile("(?i)%%\\{|^\\s*click\\b|<script|javascript:|\\bhref\\b",
            Pattern.MULTILINE);
    private static final int KEPT_DRAWINGS = 64;

    private final DiagramRenderer renderer;
    private final Optional<String> linkBase;
    private final RecentResults<String, DiagramRenderer.Result> drawings = new RecentResults<>(KEPT_DRAWINGS);

    /**
     * @param linkBase the address a diagram's source (base64url) is appended to for a public
     *                 renderer's PNG, such as {@code https://mermaid.ink/img/}; empty for none
     */
    Diagrams(DiagramRenderer renderer, Optional<String> linkBase) {
        this.renderer = renderer;
        this.linkBase = linkBase;
    }

    /** Whether a diagram can reach a learner as a picture at all. */
    boolean enabled() {
        return renderer != DiagramRenderer.NONE || linkBase.isPresent();
    }

    /**
     * Whether the voice may draw in a reply for {@code purpose}: not when teaching, where the
     * curriculum's own picture comes with the concept (one concept, one picture).
     */
    boolean offeredFor(VoiceRequest.Purpose purpose) {
        return enabled() && purpose != VoiceRequest.Purpose.TEACH;
    }

    /** A draft without its diagram blocks, and their sources. */
    record Split(String text, List<String> sources) {
    }

    static Split split(String draft) {
        var sources = new ArrayList<String>();
        var matcher = FENCE.matcher(draft);
        var text = new StringBuilder();
        while (matcher.find()) {
            sources.add(matcher.group(1).strip());
            matcher.appendReplacement(text, "");
        }
        matcher.appendTail(text);
        return new Split(text.toString().strip(), sources);
    }

    /** What keeps the draft's diagrams from becoming pictures in a reply for {@code purpose}, if anything. */
    Optional<Violation> check(Split split, VoiceRequest.Purpose purpose) {
        var loose = OPENING.matcher(split.text());
        if (loose.find()) {
            return violation("Mermaid source (" + loose.group().strip() + ") outside a mermaid block");
        }
        if (split.sources().isEmpty()) {
            return Optional.empty();
        }
        if (!offeredFor(purpose)) {
            return violation("Mermaid source (" + firstLine(split.sources().getFirst()) + ") and no way to draw it here");
        }
        if (split.sources().size() > 1) {
            return violation(split.sources().size() + " diagrams; one picture per reply");
        }
        return problem(split.sources().getFirst()).flatMap(Diagrams::violation);
    }

    /** The picture of the draft's diagram, once {@link #check} accepted it (one at most). */
    Optional<Image> picture(Split split) {
        var sources = split.sources();
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        var source = sources.getFirst();
        if (draw(source) instanceof Drawn drawn) {
            return Optional.of(drawn.image());
        }
        return linkBase.map(base -> new LinkedImage(link(base, source)));
    }

    private Optional<String> problem(String source) {
        var shape = shapeProblem(source);
        if (shape.isPresent()) {
            return shape;
        }
        return switch (draw(source)) {
            case Drawn drawn -> Optional.empty();
            case Invalid invalid -> Optional.of("a diagram Mermaid cannot draw: " + invalid.reason());
            case Unavailable unavailable -> linkBase.isPresent() ? Optional.empty()
                    : Optional.of("a diagram that could not be drawn now (" + unavailable.reason() + ")");
        };
    }

    /**
     * What every diagram must look like before anything draws it: a known kind on its first line,
     * small, no directives or callbacks, brackets and quotes that close on each line. It is all a
     * linked diagram gets checked by, since the public renderer draws it only when Telegram asks.
     */
    static Optional<String> shapeProblem(String source) {
        if (source.length() > DiagramRenderer.MAX_CHARS || source.lines().count() > DiagramRenderer.MAX_LINES) {
            return Optional.of("a diagram too big for a phone");
        }
        var first = source.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("%%"))
                .findFirst().orElse("");
        if (!OPENING.matcher(first).lookingAt()) {
            return Optional.of("a diagram of an unknown kind (" + firstLine(first) + ")");
        }
        if (UNSAFE.matcher(source).find()) {
            return Optional.of("a diagram with directives or click callbacks");
        }
        for (var line : source.lines().toList()) {
            if (!closes(line)) {
                return Optional.of("a diagram line whose brackets or quotes do not close: " + line.strip());
            }
        }
        return Optional.empty();
    }

    private static boolean closes(String line) {
        int depth = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth--;
                if (depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0 && !quoted;
    }

    private DiagramRenderer.Result draw(String source) {
        return drawings.get(source, renderer::render, result -> !(result instanceof Unavailable));
    }

    static String link(String base, String source) {
        return base + Base64.getUrlEncoder().withoutPadding().encodeToString(source.getBytes(StandardCharsets.UTF_8));
    }

    private static String firstLine(String source) {
        return source.lines().findFirst().orElse("").strip();
    }

    private static Optional<Violation> violation(String detail) {
        return Optional.of(new Violation(TeachingRule.NO_DIAGRAM_SOURCE, detail));
    }
}
