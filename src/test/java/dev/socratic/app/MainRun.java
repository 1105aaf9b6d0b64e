package dev.socratic.app;

import dev.socratic.Fixtures;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@link Main} as the command line would, on the fixture curriculum and a database in {@code folder}. */
record MainRun(int status, String out, String err) {

    static MainRun run(Map<String, String> env, String input, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(args, env, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new MainRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The environment of a console run in {@code folder}, plus {@code pairs} of name and value. */
    static Map<String, String> env(Path folder, String... pairs) {
        var env = new HashMap<String, String>();
        env.put("TUTOR_DB", folder.resolve("tutor.db").toString());
        env.put("TUTOR_CURRICULUM", Fixtures.CURRICULUM_DIR.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
