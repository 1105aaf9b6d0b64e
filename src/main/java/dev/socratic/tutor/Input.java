package dev.socratic.tutor;

import java.util.Locale;
import java.util.Objects;

/** What a learner sent: a command, free text, or the data of a pressed button. */
public sealed interface Input {

    /** A slash command such as {@code /next}; {@code name} is lower case, without the slash or a bot suffix. */
    record Command(String name, String args) implements Input {
        public Command {
            name = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
            args = Objects.requireNonNullElse(args, "").strip();
        }
    }

    record Text(String text) implements Input {
        public Text {
            text = Objects.requireNonNullElse(text, "");
        }
    }

    record Choice(String data) implements Input {
        public Choice {
            data = Objects.requireNonNullElse(data, "");
        }
    }

    /** Reads a line as a learner typed it: "/next", "/start@MyBot arg", or an answer. */
    static Input parse(String line) {
        var text = Objects.requireNonNullElse(line, "");
        var trimmed = text.strip();
        if (trimmed.length() > 1 && trimmed.charAt(0) == '/' && Character.isLetter(trimmed.charAt(1))) {
            int space = trimmed.indexOf(' ');
            var word = space < 0 ? trimmed.substring(1) : trimmed.substring(1, space);
            var args = space < 0 ? "" : trimmed.substring(space + 1);
            int at = word.indexOf('@');
            return new Command(at < 0 ? word : word.substring(0, at), args);
        }
        return new Text(text);
    }
}
