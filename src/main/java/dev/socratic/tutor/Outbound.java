package dev.socratic.tutor;

import java.util.List;
import java.util.Objects;

/** A message for the learner, built of blocks the adapters render in their own way. */
public sealed interface Outbound {

    record Message(List<Block> blocks, List<Button> buttons) implements Outbound {
        public Message {
            blocks = List.copyOf(blocks);
            buttons = List.copyOf(buttons);
            if (blocks.isEmpty()) {
                throw new IllegalArgumentException("a message needs at least one block");
            }
        }

        /** The message as plain text, for logs, the console and tests. */
        public String plainText() {
            var text = new StringBuilder();
            for (var block : blocks) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(block.text());
            }
            return text.toString();
        }
    }

    sealed interface Block {
        String text();
    }

    record Heading(String text) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
        }
    }

    record Paragraph(String text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Source code, shown verbatim in a monospace block. */
    record Code(String text) implements Block {
        public Code {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An inline button; {@code data} comes back as a {@link Input.Choice}. */
    record Button(String label, String data) {
        public Button {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(data, "data");
        }
    }
}
