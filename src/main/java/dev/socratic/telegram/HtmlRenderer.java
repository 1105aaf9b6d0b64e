package dev.socratic.telegram;

import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Heading;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a message in Telegram's HTML parse mode and splits it into parts below Telegram's
 * 4096-character limit, at block or line boundaries, never inside a tag.
 */
final class HtmlRenderer {

    /** Telegram counts the text without tags; counting tags too keeps a safe margin. */
    static final int MAX_PART = 4_000;

    List<String> render(Message message) {
        var pieces = new ArrayList<String>();
        for (var block : message.blocks()) {
            pieces.addAll(pieces(block));
        }
        var parts = new ArrayList<String>();
        var current = new StringBuilder();
        for (var piece : pieces) {
            if (!current.isEmpty() && current.length() + 2 + piece.length() > MAX_PART) {
                parts.add(current.toString());
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append("\n\n");
            }
            current.append(piece);
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** A block as one or more HTML pieces, each well-formed and short enough to send alone. */
    private static List<String> pieces(Block block) {
        return switch (block) {
            case Heading heading -> wrapped("<b>", heading.text(), "</b>");
            // authored text goes out as written, line breaks included (the contract's "as written")
            case Paragraph paragraph -> wrapped("", paragraph.text(), "");
            case Code code -> wrapped("<pre><code class=\"language-python\">", code.text(), "</code></pre>");
        };
    }

    private static List<String> wrapped(String open, String text, String close) {
        int room = MAX_PART - open.length() - close.length();
        var pieces = new ArrayList<String>();
        var current = new StringBuilder();
        for (var line : text.split("\n", -1)) {
            var escaped = escape(line);
            while (escaped.length() > room) {
                // a single line longer than a message: cut it, but never inside an entity such as &amp;
                int cut = escaped.lastIndexOf('&', room) > room - 6 ? escaped.lastIndexOf('&', room) : room;
                flush(pieces, current, open, close);
                pieces.add(open + escaped.substring(0, cut) + close);
                escaped = escaped.substring(cut);
            }
            if (!current.isEmpty() && current.length() + 1 + escaped.length() > room) {
                flush(pieces, current, open, close);
            }
            if (!current.isEmpty()) {
                current.append('\n');
            }
            current.append(escaped);
        }
        flush(pieces, current, open, close);
        return pieces;
    }

    private static void flush(List<String> pieces, StringBuilder current, String open, String close) {
        if (!current.isEmpty()) {
            pieces.add(open + current + close);
            current.setLength(0);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
