package dev.socratic.console;

import dev.socratic.delivery.MessageSink;
import dev.socratic.tutor.Commands;
import dev.socratic.tutor.Outbound;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.CurriculumImage;
import dev.socratic.tutor.Outbound.LinkedImage;
import dev.socratic.tutor.Outbound.Heading;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Outbound.Photo;
import dev.socratic.tutor.Outbound.RenderedImage;
import dev.socratic.tutor.Pictures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Prints each message as plain text and flushes at once, so a learner (or a pipe) sees it
 * immediately. A picture is written to a file, and a line naming that file is printed in its place.
 */
public final class ConsoleSink implements MessageSink {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSink.class);

    private final PrintStream out;
    private final Pictures pictures;
    private final Path pictureFolder;

    /** Text only: messages that carry no pictures (the digest's summaries). */
    public ConsoleSink(PrintStream out) {
        this(out, Pictures.NONE, Path.of("data", "pictures"));
    }

    ConsoleSink(PrintStream out, Pictures pictures, Path pictureFolder) {
        this.out = out;
        this.pictures = pictures;
        this.pictureFolder = pictureFolder;
    }

    @Override
    public void send(long chatId, Outbound outbound, int partsSent) {
        var text = switch (outbound) {
            case Message message -> render(message);
            case Photo photo -> save(photo).map(file -> "[picture: " + file + "]\n").orElse("")
                    + photo.caption().map(ConsoleSink::render).orElse("");
        };
        out.println(text);
        out.flush();
    }

    /**
     * Where the learner can open the picture: a file written for it, or a linked picture's address
     * (the console downloads nothing); empty (the caption alone is printed) when it cannot be had.
     */
    private Optional<String> save(Photo photo) {
        return switch (photo.image()) {
            case CurriculumImage stored -> pictures.read(stored).flatMap(bytes -> write(stored, bytes));
            case RenderedImage rendered -> write(rendered, rendered.png());
            case LinkedImage linked -> Optional.of(linked.url());
        };
    }

    private Optional<String> write(Outbound.Image image, byte[] bytes) {
        var file = pictureFolder.resolve(image.fileName());
        try {
            Files.createDirectories(pictureFolder);
            Files.write(file, bytes);
            return Optional.of(file.toString());
        } catch (IOException e) {
            log.warn("could not write picture {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    static String render(Message message) {
        var text = new StringBuilder();
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
            // a button that stands for a command can be typed; quiz options are answered by typing their letter
            Commands.typedFor(button.data()).ifPresent(command -> text.append("  (type /").append(command).append(")"));
            text.append("\n");
        }
        return text.toString().stripTrailing() + "\n";
    }
}
