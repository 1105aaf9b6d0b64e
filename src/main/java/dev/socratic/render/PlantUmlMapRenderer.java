package dev.socratic.render;

import dev.socratic.tutor.KnowledgeMap;
import dev.socratic.tutor.KnowledgeMap.State;
import dev.socratic.tutor.MapRenderer;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.error.PSystemError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Draws a knowledge map with PlantUML's pure-Java Smetana layout: no Graphviz, no browser, about
 * 0.1 s a map once warm. Boxes are coloured by state and drawn top to bottom, labels wrapped, so
 * the picture stays readable on a phone.
 */
public final class PlantUmlMapRenderer implements MapRenderer {

    private static final Logger log = LoggerFactory.getLogger(PlantUmlMapRenderer.class);
    private static final int WRAP = 22;
    private static final int COLUMNS = 3;
    private static final String MARKUP = "\"\\<>*_-~=/#^|$[]&%@!{}";
    private static final Map<State, String> STYLE = Map.of(
            State.DONE, "#A5D6A7",
            State.CURRENT, "#64B5F6;line.bold",
            State.AVAILABLE, "#FFF59D",
            State.LOCKED, "#EEEEEE;line.dashed;text:777777",
            State.REVIEW, "#FFB74D");
    private static final Map<State, String> LEGEND_COLOUR = Map.of(
            State.DONE, "#A5D6A7", State.CURRENT, "#64B5F6", State.AVAILABLE, "#FFF59D",
            State.LOCKED, "#EEEEEE", State.REVIEW, "#FFB74D");

    public PlantUmlMapRenderer() {
        // the source is built from curriculum text: PlantUML must not read files or URLs because of it
        if (System.getProperty("PLANTUML_SECURITY_PROFILE") == null) {
            System.setProperty("PLANTUML_SECURITY_PROFILE", "SANDBOX");
        }
    }

    /** Draws a small map and throws it away, so that the first learner's /map does not pay for start-up. */
    public void warmUp() {
        var legend = new EnumMap<State, String>(State.class);
        for (var state : State.values()) {
            legend.put(state, state.name().toLowerCase());
        }
        long started = System.nanoTime();
        render(new KnowledgeMap("warm-up", List.of(
                new KnowledgeMap.Node("a", "A", "", State.DONE, false),
                new KnowledgeMap.Node("b", "B", "1/2", State.CURRENT, false)),
                List.of(new KnowledgeMap.Edge("a", "b")), legend));
        log.info("knowledge map renderer ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public Optional<byte[]> render(KnowledgeMap map) {
        var source = source(map);
        try {
            return Optional.of(draw(source));
        } catch (IOException | RuntimeException | LinkageError e) {
            log.warn("the knowledge map could not be drawn: {}", e.toString());
            return Optional.empty();
        }
    }

    /** PlantUML keeps some static state while laying out, so maps are drawn one at a time. */
    private static synchronized byte[] draw(String source) throws IOException {
        var reader = new SourceStringReader(source);
        var blocks = reader.getBlocks();
        if (blocks.isEmpty()) {
            throw new IOException("PlantUML found no diagram in the map's source");
        }
        // PlantUML draws a syntax error as a picture of the error: never send that to a learner
        if (blocks.getFirst().getDiagram() instanceof PSystemError error) {
            throw new IOException("PlantUML rejected the map: " + error.getWarningOrError());
        }
        var out = new ByteArrayOutputStream();
        reader.outputImage(out, 0, new FileFormatOption(FileFormat.PNG));
        return out.toByteArray();
    }

    static String source(KnowledgeMap map) {
        var lines = new ArrayList<String>();
        lines.add("@startuml");
        lines.add("!pragma layout smetana");
        lines.add("skinparam dpi 144");
        lines.add("skinparam shadowing false");
        lines.add("skinparam defaultFontSize 14");
        lines.add("skinparam defaultTextAlignment center");
        lines.add("skinparam ArrowColor #546E7A");
        lines.add("skinparam rectangle {");
        lines.add("  RoundCorner 14");
        lines.add("  BorderColor #455A64");
        lines.add("}");
        lines.add("top to bottom direction");
        lines.add("title " + escape(map.title()));
        var ids = new HashMap<String, String>();
        for (var node : map.nodes()) {
            var id = "n" + ids.size();
            ids.put(node.id(), id);
            var label = String.join("\\n", wrap(escape(node.label())));
            if (!node.detail().isEmpty()) {
                label += "\\n<size:11>" + (node.outside() ? "<i>" : "") + escape(node.detail())
                        + (node.outside() ? "</i>" : "") + "</size>";
            }
            // a prerequisite from another topic is drawn as a card, apart from the topic's own boxes
            var shape = node.outside() ? "card" : "rectangle";
            lines.add(shape + " \"" + label + "\" as " + id + " " + STYLE.get(node.state()));
        }
        for (var edge : map.edges()) {
            var from = ids.get(edge.from());
            var to = ids.get(edge.to());
            if (from != null && to != null) {
                lines.add(from + " --> " + to);
            }
        }
        for (var hidden : rowBreaks(map)) {
            lines.add(ids.get(hidden.from()) + " -[hidden]-> " + ids.get(hidden.to()));
        }
        lines.add("legend top");
        var legend = new ArrayList<String>();
        for (var state : State.values()) {
            legend.add("<back:" + LEGEND_COLOUR.get(state) + "> " + escape(map.legend().getOrDefault(state, state.name()))
                    + " </back>");
        }
        lines.add(String.join("  ", legend));
        lines.add("endlegend");
        lines.add("@enduml");
        return String.join("\n", lines) + "\n";
    }

    /**
     * Invisible arrows from each node to the one {@value #COLUMNS} places later in authored order, so
     * that unrelated topics stack in rows of a few instead of one row too wide for a phone. An
     * arrow that would run against the real ones (a cycle) is left out.
     */
    static List<KnowledgeMap.Edge> rowBreaks(KnowledgeMap map) {
        var nodes = map.nodes();
        var breaks = new ArrayList<KnowledgeMap.Edge>();
        for (int i = 0; i + COLUMNS < nodes.size(); i++) {
            var from = nodes.get(i).id();
            var to = nodes.get(i + COLUMNS).id();
            var drawn = new ArrayList<>(map.edges());
            drawn.addAll(breaks);
            if (!reaches(drawn, to, from)) {
                breaks.add(new KnowledgeMap.Edge(from, to));
            }
        }
        return breaks;
    }

    private static boolean reaches(List<KnowledgeMap.Edge> edges, String from, String to) {
        var seen = new HashSet<String>(List.of(from));
        var frontier = new ArrayList<String>(List.of(from));
        while (!frontier.isEmpty()) {
            var node = frontier.removeLast();
            if (node.equals(to)) {
                return true;
            }
            for (var edge : edges) {
                if (edge.from().equals(node) && seen.add(edge.to())) {
                    frontier.add(edge.to());
                }
            }
        }
        return false;
    }

    /**
     * Curriculum text inside a quoted PlantUML label: one line, no quote to end the label early, and
     * every character Creole or PlantUML could read as markup (** __ -- ~~ [[ ]] <tags> &entities;)
     * written as a Unicode escape, so it is shown as written rather than obeyed.
     */
    static String escape(String text) {
        var flat = text.replaceAll("\\s+", " ").strip();
        var out = new StringBuilder();
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (MARKUP.indexOf(c) >= 0) {
                out.append("<U+%04X>".formatted((int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Breaks a label into lines of about {@value #WRAP} characters at spaces, so boxes stay narrow. */
    static List<String> wrap(String text) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        int visible = 0;
        for (var word : text.split(" ")) {
            int length = visibleLength(word);
            if (visible > 0 && visible + 1 + length > WRAP) {
                lines.add(line.toString());
                line.setLength(0);
                visible = 0;
            }
            if (visible > 0) {
                line.append(' ');
                visible++;
            }
            line.append(word);
            visible += length;
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static int visibleLength(String escaped) {
        return escaped.replaceAll("<U\\+[0-9A-F]{4}>", "x").length();
    }
}
