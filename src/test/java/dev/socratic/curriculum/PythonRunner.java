package dev.socratic.curriculum;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * Runs trusted curriculum Python on GraalPy (Python 3.12) and returns what it printed. One
 * interpreter for all items, each item in a fresh module namespace: native modules such as
 * {@code _sqlite3} load only once per process, and a warm interpreter runs an item in milliseconds.
 */
final class PythonRunner implements AutoCloseable {

    record Run(String stdout, String error) {
    }

    private static final String HARNESS = """
            import contextlib, io, traceback

            def run_item(source):
                out = io.StringIO()
                try:
                    with contextlib.redirect_stdout(out):
                        exec(compile(source, "<curriculum item>", "exec"), {"__name__": "__main__"})
                    return [out.getvalue(), None]
                except BaseException as error:
                    return [out.getvalue(), "".join(traceback.format_exception(error))]

            def syntax_error(source):
                try:
                    compile(source, "<curriculum item>", "exec")
                    return None
                except SyntaxError as error:
                    return f"{error.msg} (line {error.lineno})"
            """;

    private final Context context = Context.newBuilder("python")
            .allowAllAccess(true)
            .option("engine.WarnInterpreterOnly", "false")
            .build();
    private final Value runItem;
    private final Value syntaxError;

    PythonRunner() {
        context.eval("python", HARNESS);
        runItem = context.getBindings("python").getMember("run_item");
        syntaxError = context.getBindings("python").getMember("syntax_error");
    }

    Run run(String code) {
        var result = runItem.execute(code);
        var error = result.getArrayElement(1);
        return new Run(result.getArrayElement(0).asString(), error.isNull() ? null : error.asString());
    }

    /** Why the code is not valid Python, or null when it compiles. */
    String syntaxError(String code) {
        var error = syntaxError.execute(code);
        return error.isNull() ? null : error.asString();
    }

    @Override
    public void close() {
        context.close(true);
    }
}
