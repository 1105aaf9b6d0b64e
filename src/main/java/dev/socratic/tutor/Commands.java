package dev.socratic.tutor;

import java.util.List;
import java.util.Optional;

/** The commands the tutor answers, in menu order; each has a {@code command.<name>} line in messages.properties. */
public final class Commands {

    public static final List<String> MENU = List.of("start", "next", "hint", "run", "quiz", "progress", "map",
            "summary", "settings", "help");

    private Commands() {
    }

    /**
     * The command a typing learner (the console) uses for a button, if any: a button whose data is a
     * command, or a quiz item's Run button, which {@code /run} stands for until the lesson has a newer answer.
     */
    public static Optional<String> typedFor(String buttonData) {
        if (MENU.contains(buttonData)) {
            return Optional.of(buttonData);
        }
        return buttonData.startsWith(Quizzes.RUN_PREFIX) ? Optional.of("run") : Optional.empty();
    }
}
