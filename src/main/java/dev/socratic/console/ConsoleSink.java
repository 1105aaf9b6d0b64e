package dev.socratic.console;

import dev.socratic.delivery.MessageSink;
import dev.socratic.tutor.Outbound;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Heading;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;

import java.io.PrintStream;
import java.util.regex.Pattern;

/** Prints each message as plain text and flushes at once, so a learner (or a pipe) sees it immediately. */
public final class ConsoleSink implements MessageSink {

    private static final Pattern COMMAND = Pattern.compile("[a-z]+");

    private final PrintStream out;

    public ConsoleSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void send(long chatId, Outbound outbound) {
        out.println(render(outbound));
        out.flush();
    }

    static String render(Outbound outbound) {
        var text = new StringBuilder();
        switch (outbound) {
            case Message message -> {
                for (var block : message.blocks()) {
                    switch (block) {
                        case Heading heading -> text.append("== ").append(heading.text()).append(" ==");
                        case Paragraph paragraph -> text.append(paragraph.text());
                        case Code code -> text.append("```python\n").append(code.text()).append("\n```");
                    }
                    text.append("\n\n");
                }
                for (var button : message.buttons()) {
                    text.append("[").append(button.label()).append("]");
                    // a button that is a command can be typed; quiz options are answered by typing their letter
                    if (COMMAND.matcher(button.data()).matches()) {
                        text.append("  (type /").append(button.data()).append(")");
                    }
                    text.append("\n");
                }
            }
        }
        return text.toString().stripTrailing() + "\n";
    }
}
