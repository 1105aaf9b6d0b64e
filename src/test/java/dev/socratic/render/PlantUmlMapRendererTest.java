package dev.socratic.render;

import dev.socratic.tutor.KnowledgeMap;
import dev.socratic.tutor.KnowledgeMap.Edge;
import dev.socratic.tutor.KnowledgeMap.Node;
import dev.socratic.tutor.KnowledgeMap.State;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlantUmlMapRendererTest {

    private static final int CURRENT_BLUE = 0x64B5F6;
    private static final int REVIEW_ORANGE = 0xFFB74D;

    private final PlantUmlMapRenderer renderer = new PlantUmlMapRenderer();

    private static KnowledgeMap map(List<Node> nodes, List<Edge> edges) {
        var legend = new EnumMap<State, String>(State.class);
        for (var state : State.values()) {
            legend.put(state, state.name().toLowerCase());
        }
        return new KnowledgeMap("Your map", nodes, edges, legend);
    }

    /** A curriculum-sized overview: 15 topics, a few prerequisites, every state. */
    private static KnowledgeMap fifteenTopics(State currentState) {
        var nodes = new ArrayList<Node>();
        var edges = new ArrayList<Edge>();
        for (int i = 0; i < 15; i++) {
            var state = i == 0 ? currentState : State.values()[i % 5 == 1 ? 0 : i % 5];
            nodes.add(new Node("t" + i, "Topic number " + i + " with a longer title", i + "/8",
                    state == State.CURRENT && i != 0 ? State.DONE : state, false));
            if (i > 0 && i % 3 != 0) {
                edges.add(new Edge("t" + (i - 1), "t" + i));
            }
        }
        return map(nodes, edges);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Pixels of about this colour: the PNG encoder may shift a channel by one or two. */
    private static int pixelsOf(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                if (close(pixel >> 16, rgb >> 16) && close(pixel >> 8, rgb >> 8) && close(pixel, rgb)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean close(int a, int b) {
        return Math.abs((a & 0xFF) - (b & 0xFF)) <= 3;
    }

    @Test
    void drawsAValidPngOfSensibleSizeForAPhone() throws IOException {
        var png = renderer.render(fifteenTopics(State.CURRENT)).orElseThrow();

        var size = Png.read(png).orElseThrow();
        assertThat(size.fitsTelegram()).isTrue();
        assertThat(size.width()).isBetween(300, 2_000);
        assertThat(size.height()).isBetween(300, 4_000);
        // rows of a few topics, not one row too wide for a phone held upright
        assertThat(size.height()).isGreaterThan(size.width());
        assertThat(png.length).isBetween(5_000, 1_000_000);
        assertThat(decode(png)).isNotNull();
    }

    @Test
    void theCurrentTopicIsFilledWithItsColour() throws IOException {
        var withCurrent = decode(renderer.render(fifteenTopics(State.CURRENT)).orElseThrow());
        var withoutCurrent = decode(renderer.render(fifteenTopics(State.LOCKED)).orElseThrow());

        // the legend shows every colour once; a current box adds a box-sized patch of blue
        assertThat(pixelsOf(withCurrent, CURRENT_BLUE)).isGreaterThan(pixelsOf(withoutCurrent, CURRENT_BLUE) + 2_000);
    }

    @Test
    void aConceptDueForReviewIsOrange() throws IOException {
        var due = map(List.of(new Node("a", "Threads", "", State.REVIEW, false),
                new Node("b", "Locks", "", State.CURRENT, false)), List.of(new Edge("a", "b")));
        var done = map(List.of(new Node("a", "Threads", "", State.DONE, false),
                new Node("b", "Locks", "", State.CURRENT, false)), List.of(new Edge("a", "b")));

        int orangeWhenDue = pixelsOf(decode(renderer.render(due).orElseThrow()), REVIEW_ORANGE);
        int orangeWhenDone = pixelsOf(decode(renderer.render(done).orElseThrow()), REVIEW_ORANGE);

        assertThat(orangeWhenDue).isGreaterThan(orangeWhenDone + 2_000);
    }

    @Test
    void curriculumTextCannotBreakOrSteerTheDiagram() {
        var hostile = map(List.of(
                new Node("a", "\"quoted\" <b>tag</b> **bold** __init__ a--b", "", State.DONE, false),
                new Node("b", "@enduml", "x\" as evil", State.CURRENT, false),
                new Node("c", "!include /etc/passwd\nsecond line", "", State.LOCKED, true)),
                List.of(new Edge("a", "b"), new Edge("c", "b")));

        var source = PlantUmlMapRenderer.source(hostile);

        assertThat(source.lines().filter(line -> line.contains("@enduml"))).hasSize(1);
        assertThat(source.lines().filter(line -> line.startsWith("!"))).containsExactly("!pragma layout smetana");
        assertThat(source).doesNotContain("<b>tag", "**bold**", "\"quoted\"", "x\" as");
        assertThat(renderer.render(hostile).flatMap(Png::read)).isPresent();
    }

    @Test
    void longTitlesAreWrappedIntoNarrowLines() {
        assertThat(PlantUmlMapRenderer.wrap("Load balancing, caching and edge rate limits"))
                .containsExactly("Load balancing,", "caching and edge rate", "limits");
        assertThat(PlantUmlMapRenderer.wrap(PlantUmlMapRenderer.escape("__init__ and **kwargs")))
                .hasSize(1);
    }

    @Test
    void invisibleRowBreaksNeverRunAgainstThePrerequisites() {
        var nodes = new ArrayList<Node>();
        for (int i = 0; i < 5; i++) {
            nodes.add(new Node("n" + i, "N" + i, "", State.AVAILABLE, false));
        }
        // n3 is a prerequisite of n0, so a break n0 → n3 would close a circle
        var breaks = PlantUmlMapRenderer.rowBreaks(map(nodes, List.of(new Edge("n3", "n0"))));

        assertThat(breaks).containsExactly(new Edge("n1", "n4"));
    }
}
