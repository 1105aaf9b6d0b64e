package dev.socratic.telegram;

import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Heading;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlRendererTest {

    private final HtmlRenderer renderer = new HtmlRenderer();

    @Test
    void escapesHtmlAndPutsCodeInPre() {
        var parts = renderer.render(new Message(List.of(new Heading("a < b"), new Code("if x < 1 and y > 2: print('&')"),
                new Paragraph("What prints?")), List.of()));

        assertThat(parts).containsExactly("<b>a &lt; b</b>\n\n<pre><code class=\"language-python\">"
                + "if x &lt; 1 and y &gt; 2: print('&amp;')</code></pre>\n\nWhat prints?");
    }

    @Test
    void keepsAuthoredLineBreaksAsWritten() {
        assertThat(renderer.render(new Message(List.of(new Paragraph("one\ntwo\n\n- item\n  more")), List.of())))
                .containsExactly("one\ntwo\n\n- item\n  more");
    }

    @Test
    void splitsLongMessagesBelowTheLimitAtLineBoundariesKeepingTagsBalanced() {
        var code = String.join("\n", java.util.Collections.nCopies(600, "print('a line of code')"));
        var parts = renderer.render(new Message(List.of(new Paragraph("intro"), new Code(code),
                new Paragraph("What prints?")), List.of()));

        assertThat(parts).hasSizeGreaterThan(1);
        for (var part : parts) {
            assertThat(part.length()).isLessThanOrEqualTo(HtmlRenderer.MAX_PART);
            assertThat(count(part, "<pre>")).isEqualTo(count(part, "</pre>"));
        }
        assertThat(parts.getLast()).endsWith("What prints?");
        assertThat(String.join("", parts).replaceAll("<[^>]+>", "")).contains("print('a line of code')");
    }

    @Test
    void splitsASingleEnormousLine() {
        var parts = renderer.render(new Message(List.of(new Paragraph("&".repeat(10_000))), List.of()));

        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(HtmlRenderer.MAX_PART));
        assertThat(String.join("", parts)).isEqualTo("&amp;".repeat(10_000));
    }

    private static int count(String text, String word) {
        return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
    }
}
