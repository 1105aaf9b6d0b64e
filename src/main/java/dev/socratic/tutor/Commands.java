package dev.socratic.tutor;

import java.util.List;

/** The commands the tutor answers, in menu order; each has a {@code command.<name>} line in messages.properties. */
public final class Commands {

    public static final List<String> MENU = List.of("start", "next", "hint", "run", "quiz", "progress", "map",
            "summary", "settings", "help");

    private Commands() {
    }
}
