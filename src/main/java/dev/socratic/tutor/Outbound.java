package dev.socratic.tutor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

        /** This message with {@code first} before its blocks, its buttons kept. */
        public Message after(List<Block> first) {
            if (first.isEmpty()) {
                return this;
            }
            var all = new ArrayList<>(first);
            all.addAll(blocks);
            return new Message(all, buttons);
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

    /**
     * A picture, with or without a caption. When the caption carries a concept's explanation it is
     * the whole teaching message, question last; adapters that cannot show a picture send the caption alone.
     */
    record Photo(Image image, Optional<Message> caption) implements Outbound {
        /** Telegram's limit on a caption's visible text; a longer message follows the picture instead. */
        public static final int MAX_CAPTION = 1024;

        public Photo {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(caption, "caption");
        }

        public Photo(Image image, Message caption) {
            this(image, Optional.of(caption));
        }

        /** A picture alone: the message it illustrates follows it. */
        public static Photo uncaptioned(Image image) {
            return new Photo(image, Optional.empty());
        }
    }

    sealed interface Image {
        /** A file name for the picture, such as {@code pools.png}. */
        String fileName();
    }

    /** A picture kept with the curriculum, by its key: {@code concepts/<id>} or {@code topics/<id>}. */
    record CurriculumImage(String key) implements Image {
        public CurriculumImage {
            Objects.requireNonNull(key, "key");
        }

        /** {@code concepts-gil.png}: a topic and a concept may share an id, so the kind stays in the name. */
        @Override
        public String fileName() {
            return key.replace('/', '-') + ".png";
        }
    }

    /**
     * A picture on the web that Telegram fetches itself, such as a public Mermaid renderer's image of
     * a diagram the voice wrote; used only when the operator allows it and no renderer is on the host.
     */
    record LinkedImage(String url) implements Image {
        public LinkedImage {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("https://")) {
                throw new IllegalArgumentException("a linked picture needs an https address");
            }
        }

        @Override
        public String fileName() {
            return "diagram.png";
        }
    }

    /** A picture drawn for this message, such as the learner's knowledge map. */
    record RenderedImage(String fileName, byte[] png) implements Image {
        public RenderedImage {
            Objects.requireNonNull(fileName, "fileName");
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RenderedImage that && fileName.equals(that.fileName) && Arrays.equals(png, that.png);
        }

        @Override
        public int hashCode() {
            return 31 * fileName.hashCode() + Arrays.hashCode(png);
        }

        @Override
        public String toString() {
            return "RenderedImage[" + fileName + ", " + png.length + " bytes]";
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
