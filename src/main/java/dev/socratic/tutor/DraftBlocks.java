package dev.socratic.tutor;

import dev.socratic.tutor.Outbound.Block;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Paragraph;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A draft as message blocks: fenced code (and runs of unfenced code lines) become code blocks, the
 * rest paragraphs. Markdown emphasis is dropped, since the adapters render blocks, not Markdown.
 */
final class DraftBlocks {

    /** A line that reads as Python rather than prose. */
    static final Pattern CODE_LINE = Pattern.compile(
            "^\\s*(def |class |import |from \\S+ import |for .+:$|while .+:$|if .+:$|elif .+:$|else:$|try:$"
            + "|except\\b.*:$|finally:$|with .+:$|return\\b|yield\\b|async |await |print\\(|raise\\b"
            + "|[A-Za-z_][\\w.\\[\\]]*\\s*(=|\\+=|-=|\\*=)\\s*\\S|[A-Za-z_][\\w.]*\\(.*\\)\\s*$|@\\w+|>>> )");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");

    private DraftBlocks() {
    }

    static List<Block> parse(String draft) {
        var blocks = new ArrayList<Block>();
        var prose = new ArrayList<String>();
        var code = new ArrayList<String>();
        boolean fenced = false;
        for (var line : draft.strip().split("\\R", -1)) {
            if (line.strip().startsWith("```")) {
                if (fenced) {
                    addCode(blocks, code);
                } else {
                    addProse(blocks, prose);
                }
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                code.add(line);
            } else if (isCode(line, code)) {
                code.add(line);
            } else {
                if (!code.isEmpty()) {
                    flushUnfenced(blocks, prose, code);
                }
                if (line.isBlank()) {
                    addProse(blocks, prose);
                } else {
                    prose.add(HEADING.matcher(EMPHASIS.matcher(line.strip()).replaceAll("")).replaceFirst(""));
                }
            }
        }
        if (fenced) {
            addCode(blocks, code);
        } else if (!code.isEmpty()) {
            flushUnfenced(blocks, prose, code);
        }
        addProse(blocks, prose);
        return blocks;
    }

    /** Prose words, leaving code out: what the word limit counts. */
    static int proseWords(List<Block> blocks) {
        int words = 0;
        for (var block : blocks) {
            if (block instanceof Paragraph paragraph && !paragraph.text().isBlank()) {
                words += paragraph.text().strip().split("\\s+").length;
            }
        }
        return words;
    }

    static String text(List<Block> blocks) {
        var text = new StringBuilder();
        blocks.forEach(block -> text.append(block.text()).append("\n\n"));
        return text.toString().strip();
    }

    /** A code line, or an indented or blank line continuing code already started. */
    private static boolean isCode(String line, List<String> code) {
        if (CODE_LINE.matcher(line).find()) {
            return true;
        }
        return !code.isEmpty() && (line.startsWith("    ") || line.startsWith("\t"));
    }

    /** One stray code-looking line is prose ("x = 1 means..."); two or more make a block. */
    private static void flushUnfenced(List<Block> blocks, List<String> prose, List<String> code) {
        if (code.size() == 1) {
            prose.add(code.getFirst().strip());
            code.clear();
            return;
        }
        addProse(blocks, prose);
        addCode(blocks, code);
    }

    private static void addProse(List<Block> blocks, List<String> lines) {
        if (!lines.isEmpty()) {
            blocks.add(new Paragraph(String.join("\n", lines)));
            lines.clear();
        }
    }

    private static void addCode(List<Block> blocks, List<String> lines) {
        var text = String.join("\n", lines).stripTrailing();
        // the fence's own blank edges are not code
        while (text.startsWith("\n")) {
            text = text.substring(1);
        }
        if (!text.isBlank()) {
            blocks.add(new Code(text));
        }
        lines.clear();
    }
}
