# Runs a learner's code, then an item's tests, in this fresh interpreter and reports how it went
# as a dict of strings. Loaded before any learner code, so it keeps its own references to the
# built-ins it needs: code that rebinds print or exec only fools itself.
# It uses _ast, not ast: importing ast costs GraalPy's shared engine about 150 KB for good, every run.
import _ast
import builtins as _builtins
import operator as _operator

_exec, _eval, _compile, _repr, _str, _len, _type = exec, eval, compile, repr, str, len, type
_isinstance, _BaseException, _import = isinstance, BaseException, __import__

_COMPARISONS = {
    _ast.Eq: _operator.eq, _ast.NotEq: _operator.ne,
    _ast.Lt: _operator.lt, _ast.LtE: _operator.le, _ast.Gt: _operator.gt, _ast.GtE: _operator.ge,
    _ast.Is: _operator.is_, _ast.IsNot: _operator.is_not,
    _ast.In: lambda item, container: item in container,
    _ast.NotIn: lambda item, container: item not in container,
}
_SHOWN = 200


def _shown(value):
    try:
        text = _repr(value)
    except _BaseException:
        # a broken __repr__ belongs to the learner's class; say what it was instead
        text = "<%s object>" % _type(value).__name__
    return text if _len(text) <= _SHOWN else text[:_SHOWN - 1] + "\u2026"


def _described(error):
    try:
        message = _str(error)
    except _BaseException:
        message = ""
    return _type(error).__name__, message


def _unless_foreign(error):
    # os._exit() and the sandbox's own stops arrive as foreign exceptions: let them end the run
    if _type(error).__name__ == "ForeignException":
        raise error


def _line_in(error, filename):
    line, frame = 0, error.__traceback__
    while frame is not None:
        if frame.tb_frame.f_code.co_filename == filename:
            line = frame.tb_lineno
        frame = frame.tb_next
    return line


def _syntax_position(error, code):
    line, text = error.lineno or 0, _str(error.text or "")
    # for "expected ':'" GraalPy points at the first token after the gap, on the next line;
    # the learner (and CPython) look at the end of the line before it
    at_line_start = error.offset is not None and error.offset - 1 <= _len(text) - _len(text.lstrip())
    if _str(error.msg).startswith("expected") and at_line_start:
        lines = code.splitlines()
        previous = line - 1
        while previous >= 1 and not lines[previous - 1].strip():
            previous -= 1
        if previous >= 1:
            return previous, lines[previous - 1]
    return line, text


def _source_of(node, lines):
    """A statement's whole lines, comments included."""
    return "\n".join(lines[node.lineno - 1:node.end_lineno]).strip()


def _segment(node, lines):
    """An expression exactly as written (what ast.get_source_segment does, without importing ast)."""
    first, last = node.lineno - 1, node.end_lineno - 1
    if first == last:
        return lines[first].encode()[node.col_offset:node.end_col_offset].decode()
    parts = [lines[first].encode()[node.col_offset:].decode()]
    parts.extend(lines[first + 1:last])
    parts.append(lines[last].encode()[:node.end_col_offset].decode())
    return "\n".join(parts)


def _run_test(statement, namespace, lines):
    """Runs one test statement. A single comparison in an assert is evaluated part by part, and
    each part once, so a failure can say what the learner's side gave. Returns None when the
    statement passed, else (the left side as written, what it gave), both "" when unknown."""
    test = statement.test if _isinstance(statement, _ast.Assert) else None
    if _isinstance(test, _ast.Compare) and _len(test.ops) == 1 and _type(test.ops[0]) in _COMPARISONS:
        left = _eval(_compile(_ast.Expression(test.left), "<tests>", "eval"), namespace)
        right = _eval(_compile(_ast.Expression(test.comparators[0]), "<tests>", "eval"), namespace)
        if _COMPARISONS[_type(test.ops[0])](left, right):
            return None
        return _segment(test.left, lines), _shown(left)
    module = _ast.Module(body=[statement], type_ignores=[])
    try:
        _exec(_compile(module, "<tests>", "exec"), namespace)
    except AssertionError:
        return "", ""
    return None


# standard modules that are imported before the learner's clock starts, when the code or the tests use them
_PRELOADED = frozenset((
    "abc", "asyncio", "bisect", "collections", "concurrent", "contextlib", "copy", "dataclasses", "datetime",
    "decimal", "enum", "fractions", "functools", "heapq", "itertools", "json", "math", "operator", "queue",
    "random", "re", "statistics", "string", "threading", "time", "typing", "uuid", "weakref"))


def prepare(code, tests):
    """Work done before the learner's clock starts. Importing a standard module anew in each
    context takes GraalPy up to a second or two (asyncio), which is not the learner's to pay for."""
    for name in _imports(code) | _imports(tests):
        if name.split(".")[0] in _PRELOADED:
            try:
                _import(name)
            except _BaseException:
                pass  # the run itself will meet the same error and report it
    if "asyncio" in code or "asyncio" in tests:
        _install_event_loop()


def _imports(source):
    """Names of the modules a piece of code imports, anywhere in it."""
    try:
        todo = [_compile(source, "<imports>", "exec", _ast.PyCF_ONLY_AST, dont_inherit=True)]
    except (SyntaxError, ValueError):
        return frozenset()
    names = set()
    while todo:
        node = todo.pop()
        if _isinstance(node, _ast.Import):
            names.update(alias.name for alias in node.names)
        elif _isinstance(node, _ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
        for field in node._fields:
            value = getattr(node, field, None)
            if _isinstance(value, list):
                todo.extend(item for item in value if _isinstance(item, _ast.AST))
            elif _isinstance(value, _ast.AST):
                todo.append(value)
    return names


def _install_event_loop():
    # asyncio's default loop wakes itself through a socket pair, and the sandbox has no sockets.
    # This loop has no self-pipe and a selector that only waits: with no sockets to watch, the
    # only events are timers and callbacks, and a wake-up from another thread is seen within 5 ms.
    import asyncio
    import selectors
    import time
    from asyncio import selector_events

    class WaitingSelector(selectors.BaseSelector):
        def register(self, fileobj, events, data=None):
            raise OSError("the sandbox has no sockets or pipes to watch")

        def unregister(self, fileobj):
            raise KeyError(fileobj)

        def select(self, timeout=None):
            # never sleep(0): GraalPy turns it into a long yield
            if timeout is None or timeout > 0:
                time.sleep(0.005 if timeout is None else min(timeout, 0.005))
            return []

        def get_map(self):
            return {}

    class SandboxLoop(selector_events.BaseSelectorEventLoop):
        def __init__(self):
            super().__init__(WaitingSelector())

        def _make_self_pipe(self):
            pass

        def _close_self_pipe(self):
            pass

        def _write_to_self(self):
            pass

    class SandboxPolicy(asyncio.DefaultEventLoopPolicy):
        def new_event_loop(self):
            return SandboxLoop()

    asyncio.set_event_loop_policy(SandboxPolicy())


def run(code, tests, progress):
    try:
        compiled = _compile(code, "<your code>", "exec", dont_inherit=True)
    except SyntaxError as error:
        line, text = _syntax_position(error, code)
        return {"kind": "syntax", "line": _str(line), "message": _str(error.msg or ""), "text": text.strip()}
    namespace = {"__name__": "__main__", "__builtins__": _builtins}
    try:
        _exec(compiled, namespace)
    except _BaseException as error:
        _unless_foreign(error)
        kind, message = _described(error)
        return {"kind": "raised", "type": kind, "message": message, "line": _str(_line_in(error, "<your code>"))}
    lines = tests.splitlines()
    passed = 0
    for statement in _compile(tests, "<tests>", "exec", _ast.PyCF_ONLY_AST, dont_inherit=True).body:
        source = _source_of(statement, lines)
        progress.at(source)
        try:
            failure = _run_test(statement, namespace, lines)
        except _BaseException as error:
            _unless_foreign(error)
            kind, message = _described(error)
            return {"kind": "failed", "statement": source, "expression": "", "actual": "",
                    "error": kind + ": " + message, "passed": _str(passed)}
        if failure is not None:
            return {"kind": "failed", "statement": source, "expression": failure[0], "actual": failure[1],
                    "error": "", "passed": _str(passed)}
        if _isinstance(statement, _ast.Assert):
            passed += 1
    progress.at("")
    return {"kind": "passed", "checks": _str(passed)}
