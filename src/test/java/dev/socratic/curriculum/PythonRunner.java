package dev.socratic.curriculum;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Runs trusted curriculum Python on GraalPy (Python 3.12) and returns what it printed. */
final class PythonRunner implements AutoCloseable {

    record Run(String stdout, String error) {
        boolean failed() {
            return error != null;
        }
    }

    // one engine shared by every run: a fresh context on a warm engine costs milliseconds, not seconds
    private final Engine engine = Engine.newBuilder("python").option("engine.WarnInterpreterOnly", "false").build();

    Run run(String code) {
        var out = new ByteArrayOutputStream();
        try (var context = Context.newBuilder("python").engine(engine).allowAllAccess(true)
                .out(out).err(out).build()) {
            context.eval("python", code);
            return new Run(out.toString(StandardCharsets.UTF_8), null);
        } catch (PolyglotException e) {
            return new Run(out.toString(StandardCharsets.UTF_8), e.getMessage());
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
