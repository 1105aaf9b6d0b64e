package dev.socratic.grading;

import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * The Python in a learner's message. Telegram delivers a code block without its fences, but a
 * message typed with ``` fences (and some words around them) arrives as it was typed; phones also
 * turn quotes into curly ones and may put non-breaking spaces in indentation.
 */
final class SubmittedCode {

    private static final Pattern FENCED = Pattern.compile("```[ \\t]*([\\w+-]*)[ \\t]*\\n?(.*?)```", Pattern.DOTALL);

    private SubmittedCode() {
    }

    static String of(String message) {
        var blocks = new ArrayList<String>();
        var matcher = FENCED.matcher(message);
        while (matcher.find()) {
            blocks.add(matcher.group(2));
        }
        var code = blocks.isEmpty() ? message : String.join("\n", blocks);
        return code
                .replace('\u00A0', ' ')
                .replace('\u2018', '\'').replace('\u2019', '\'')
                .replace('\u201C', '"').replace('\u201D', '"')
                .replace("\r\n", "\n")
                .stripTrailing();
    }
}
