package dev.socratic.console;

import dev.socratic.tutor.Outbound.Button;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A terminal has no buttons: each is shown, with the command to type where one stands for it. */
class ConsoleSinkTest {

    private static String shown(Button... buttons) {
        var out = new ByteArrayOutputStream();
        new ConsoleSink(new PrintStream(out, true, StandardCharsets.UTF_8))
                .send(1, new Message(List.of(new Paragraph("Done.")), List.of(buttons)), 0);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aButtonThatIsACommandNamesIt() {
        assertThat(shown(new Button("Ready ▶", "next"), new Button("Run it ▶", "run")))
                .contains("[Ready ▶]  (type /next)", "[Run it ▶]  (type /run)");
    }

    @Test
    void aQuizItemsRunButtonIsTypedAsRun() {
        assertThat(shown(new Button("Run it ▶", "quizrun:0:locks"))).contains("[Run it ▶]  (type /run)");
    }

    @Test
    void anOptionNamesNoCommand() {
        assertThat(shown(new Button("yes", "quiz:3:0"))).contains("[yes]").doesNotContain("(type");
    }
}
