package dev.socratic.sandbox;

import dev.socratic.Fixtures;
import dev.socratic.curriculum.CheckKind;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.curriculum.Question;
import dev.socratic.tutor.RunResult;
import dev.socratic.tutor.RunResult.Forbidden;
import dev.socratic.tutor.RunResult.InvalidSyntax;
import dev.socratic.tutor.RunResult.Limit;
import dev.socratic.tutor.RunResult.LimitExceeded;
import dev.socratic.tutor.RunResult.Passed;
import dev.socratic.tutor.RunResult.Raised;
import dev.socratic.tutor.RunResult.Resource;
import dev.socratic.tutor.RunResult.TestFailed;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox against real curriculum items and hostile code. Limits are generous wherever the
 * code ends on its own, so results never depend on how busy the machine is; only code that
 * never ends meets a short limit.
 */
class GraalPyRunnerTest {

    private static final Curriculum CURRICULUM =
            new CurriculumLoader().load(Path.of(System.getProperty("curriculum.dir", "curriculum")));
    private static final SandboxLimits GENEROUS = SandboxLimits.defaults()
            .withTime(Duration.ofMinutes(2)).withMaxWait(Duration.ofMinutes(5));

    /** One engine for every runner here, as in the bot: contexts are per run, the engine is shared. */
    private static Engine engine;
    private static GraalPyRunner runner;
    private static GraalPyRunner impatient;

    @BeforeAll
    static void startPython() {
        engine = GraalPyRunner.newEngine();
        runner = new GraalPyRunner(GENEROUS, () -> engine, GraalPyRunner.RunObserver.NONE);
        impatient = new GraalPyRunner(GENEROUS.withTime(Duration.ofSeconds(1)), () -> engine,
                GraalPyRunner.RunObserver.NONE);
    }

    @AfterAll
    static void stopPython() {
        impatient.close();
        runner.close();
        engine.close(true);
    }

    private static Question writeCode(String conceptId, String promptWord) {
        var concept = CURRICULUM.require(conceptId);
        var items = new ArrayList<Question>();
        items.add(concept.check());
        items.addAll(concept.quiz());
        return items.stream()
                .filter(q -> q.kind() == CheckKind.WRITE_CODE && q.prompt().contains(promptWord))
                .findFirst().orElseThrow();
    }

    private static long asserts(Question question) {
        return question.tests().lines().filter(line -> line.startsWith("assert ")).count();
    }

    @Nested
    class RealWriteCodeItems {

        private final Question lruCache = writeCode("lru-cache", "LRUCache");
        private final Question tokenBucket = writeCode("token-bucket", "TokenBucket");
        private final Question movingAverage = writeCode("deque-queues", "moving_average");

        @Test
        void eachModelSolutionPassesEveryCheck() {
            for (var item : new Question[] {lruCache, tokenBucket, movingAverage}) {
                assertThat(runner.run(item.answer(), item.tests()))
                        .isEqualTo(new Passed("", (int) asserts(item)));
            }
        }

        @Test
        void aCacheThatNeverRefreshesOnGetFailsTheEvictionCaseAndSaysWhatItGot() {
            var code = """
                    from collections import OrderedDict

                    class LRUCache:
                        def __init__(self, capacity):
                            self.capacity = capacity
                            self.data = OrderedDict()

                        def get(self, key):
                            return self.data.get(key)

                        def put(self, key, value):
                            self.data[key] = value
                            if len(self.data) > self.capacity:
                                self.data.popitem(last=False)
                    """;

            var result = runner.run(code, lruCache.tests());

            assertThat(result).isEqualTo(new TestFailed("", "assert c.get(\"b\") is None", "c.get(\"b\")", "2", "", 1));
        }

        @Test
        void aBucketThatNeverRefillsFailsOnceHalfASecondHasPassed() {
            var result = (TestFailed) runner.run(Fixtures.NEVER_REFILLING_BUCKET, tokenBucket.tests());

            assertThat(result.statement()).isEqualTo("assert b.allow() is True");
            assertThat(result.expression()).isEqualTo("b.allow()");
            assertThat(result.actual()).isEqualTo("False");
            assertThat(result.checksPassed()).isEqualTo(2);
        }

        @Test
        void aMissingMethodIsReportedOnTheTestLineThatCallsIt() {
            var code = """
                    class LRUCache:
                        def __init__(self, capacity):
                            self.data = {}

                        def put(self, key, value):
                            self.data[key] = value
                    """;

            var result = (TestFailed) runner.run(code, lruCache.tests());

            assertThat(result.statement()).startsWith("assert c.get(\"a\") == 1");
            assertThat(result.error()).isEqualTo("AttributeError: 'LRUCache' object has no attribute 'get'");
            assertThat(result.checksPassed()).isZero();
        }

        @Test
        void aSyntaxErrorNamesItsLine() {
            var code = """
                    def moving_average(values, n):
                        out = []
                        for v in values
                            out.append(v)
                        return out
                    """;

            var result = (InvalidSyntax) runner.run(code, movingAverage.tests());

            assertThat(result.line()).isEqualTo(3);
            assertThat(result.text()).isEqualTo("for v in values");
            assertThat(result.message()).contains("expected ':'");
        }

        @Test
        void anErrorInTheCodeItselfNamesItsTypeAndLine() {
            var result = runner.run("from collections import deque\n\nwindow = deque(maxlen=-1)\n",
                    movingAverage.tests());

            assertThat(result).isEqualTo(new Raised("", "ValueError", "maxlen must be non-negative", 3));
        }

        @Test
        void whatTheCodePrintsComesBackWithTheResult() {
            var code = movingAverage.answer() + "\nprint('window ready')\n";

            assertThat(runner.run(code, movingAverage.tests()).output()).isEqualTo("window ready\n");
        }

        @Test
        void codeWithThreadsRunsForRealWithinTheThreadLimit() {
            var item = writeCode("thread-safe-queues", "");

            assertThat(runner.run(item.answer(), item.tests())).isInstanceOf(Passed.class);
        }

        @Test
        void asyncioRunsWithoutSockets() {
            var item = writeCode("async-producer-consumer", "");

            assertThat(runner.run(item.answer(), item.tests())).isInstanceOf(Passed.class);
        }

        @Test
        void sqliteIsMissingFromTheSandboxAndSaysSo() {
            var result = runner.run("import sqlite3\n", "");

            assertThat(result).isEqualTo(new Raised("", "ModuleNotFoundError", "No module named '_sqlite3'", 1));
        }
    }

    @Nested
    class HostileCode {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                import os; os.system('echo pwned')                           | PROCESSES
                import subprocess; subprocess.run(['ls'])                    | PROCESSES
                print(open('/etc/passwd').read())                            | FILES
                import os; print(os.listdir('/'))                            | FILES
                import socket; socket.create_connection(('example.com', 80)) | NETWORK
                import socket; socket.socket()                               | NETWORK
                import ctypes                                                | NATIVE_CODE
                import java; java.type('java.lang.System').exit(0)           | HOST
                import polyglot; polyglot.eval(language='js', string='1')    | HOST
                """)
        void reachingOutsideIsRefusedAndNamed(String code, Resource resource) {
            assertThat(runner.run(code, "")).isEqualTo(new Forbidden("", resource));
        }

        @Test
        void writingAFileWritesNothing(@org.junit.jupiter.api.io.TempDir Path folder) {
            var target = folder.resolve("escaped.txt");

            var result = runner.run("open(%s, 'w').write('x')".formatted("'" + target + "'"), "");

            assertThat(result).isEqualTo(new Forbidden("", Resource.FILES));
            assertThat(Files.exists(target)).isFalse();
        }

        @Test
        void theBotsEnvironmentIsInvisible() {
            var result = runner.run("import os\nprint(sorted(os.environ))", "");

            assertThat(result.output()).doesNotContain("PATH", "HOME", "JAVA_HOME");
        }

        @Test
        void aRecursionBombEndsInRecursionError() {
            var result = (Raised) runner.run("import sys\nsys.setrecursionlimit(10**6)\ndef f(n):\n    return f(n + 1)\nf(0)", "");

            assertThat(result.type()).isEqualTo("RecursionError");
        }

        @Test
        void anAllocationTooBigForAnyArrayIsAPythonError() {
            assertThat(((Raised) runner.run("x = 'a' * 10**10", "")).type()).isEqualTo("OverflowError");
            assertThat(((Raised) runner.run("x = [0] * 10**10", "")).type()).isEqualTo("OverflowError");
        }

        @Test
        void aThreadBombMeetsTheThreadLimit() {
            var code = """
                    import threading, time
                    for _ in range(100):
                        threading.Thread(target=time.sleep, args=(60,)).start()
                    """;

            assertThat(runner.run(code, "")).isEqualTo(new LimitExceeded("", Limit.THREADS, ""));
        }

        @Test
        void aFloodOfOutputIsStoppedAndKeptShort() {
            var result = (LimitExceeded) runner.run("while True:\n    print('x' * 1000)", "");

            assertThat(result.limit()).isEqualTo(Limit.OUTPUT);
            assertThat(result.output()).hasSizeLessThanOrEqualTo(GENEROUS.keptOutputBytes() + 2).endsWith("…");
        }

        @Test
        void exitingEndsOnlyTheRun() {
            assertThat(runner.run("import sys; sys.exit(3)", "")).isEqualTo(new Raised("", "SystemExit", "3", 1));
            assertThat(((Raised) runner.run("import os; os._exit(0)", "")).type()).isEqualTo("SystemExit");
        }

        @Test
        void theRunnerWorksOnAfterEveryEscapeAttempt() {
            for (var code : new String[] {"import os; os.system('ls')", "open('/etc/passwd')", "import ctypes",
                    "import socket; socket.socket()", "def f(): return f()\nf()", "import os; os._exit(0)"}) {
                runner.run(code, "");
            }
            var item = writeCode("lru-cache", "LRUCache");

            assertThat(runner.run(item.answer(), item.tests())).isInstanceOf(Passed.class);
        }
    }

    @Nested
    class Limits {

        @Test
        void aLoopThatNeverEndsIsStoppedAtTheTimeLimit() {
            assertThat(impatient.run("while True:\n    pass", "")).isEqualTo(new LimitExceeded("", Limit.TIME, ""));
        }

        @Test
        void sleepingPastTheLimitIsStoppedToo() {
            assertThat(impatient.run("import time\ntime.sleep(600)", "")).isEqualTo(new LimitExceeded("", Limit.TIME, ""));
        }

        @Test
        void aTimeoutInTheTestsNamesTheCaseThatNeverFinished() {
            var code = """
                    def moving_average(values, n):
                        out = []
                        while len(out) < len(values) or not values:
                            pass  # forgot to append; and an empty list never ends
                        return out
                    """;

            var result = impatient.run(code, writeCode("deque-queues", "moving_average").tests());

            assertThat(result).isEqualTo(new LimitExceeded("", Limit.TIME, "assert moving_average([], 3) == []"));
        }

        @Test
        void codeThatFillsTheHeapIsStoppedBeforeTheBotStarves() {
            var ceiling = oldGenerationNow() + (512L << 20);
            try (var guarded = new GraalPyRunner(GENEROUS.withHeapCeiling(ceiling), () -> engine,
                    GraalPyRunner.RunObserver.NONE)) {
                var grow = "chunks = []\nwhile True:\n    chunks.append(bytearray(64 * 2**20))";
                var huge = "x = 'a' * 10**9";

                assertThat(guarded.run(grow, "")).isEqualTo(new LimitExceeded("", Limit.MEMORY, ""));
                assertThat(guarded.run(huge, "")).isEqualTo(new LimitExceeded("", Limit.MEMORY, ""));
                assertThat(guarded.run("x = 1", "assert x == 1")).isEqualTo(new Passed("", 1));
            }
        }

        private static long oldGenerationNow() {
            System.gc();
            return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                    .mapToLong(pool -> pool.getUsage().getUsed()).sum();
        }
    }

    @Nested
    class Concurrency {

        /** Holds every run at its start until released, counting how many are inside at once. */
        private static final class Gate implements GraalPyRunner.RunObserver {
            final CountDownLatch release = new CountDownLatch(1);
            final AtomicInteger inside = new AtomicInteger();
            final AtomicInteger mostInside = new AtomicInteger();
            final CountDownLatch twoInside = new CountDownLatch(2);

            @Override
            public void started() {
                mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                twoInside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void finished() {
                inside.decrementAndGet();
            }
        }

        @Test
        void atMostTwoRunAtOnceAndTheRestWaitTheirTurn() throws Exception {
            var gate = new Gate();
            try (var pair = new GraalPyRunner(GENEROUS.withConcurrentRuns(2), () -> engine, gate);
                 var learners = Executors.newVirtualThreadPerTaskExecutor()) {
                var results = new ArrayList<Future<RunResult>>();
                for (int i = 0; i < 5; i++) {
                    int n = i;
                    results.add(learners.submit(() -> pair.run("x = " + n, "assert x == " + n)));
                }
                gate.twoInside.await();
                while (pair.waiting() < 3) {
                    Thread.sleep(5); // the five callers are still handing in their runs
                }

                assertThat(pair.running()).isEqualTo(2);
                assertThat(gate.inside).hasValue(2);

                gate.release.countDown();
                for (var result : results) {
                    assertThat(result.get()).isEqualTo(new Passed("", 1));
                }
                assertThat(gate.mostInside).hasValue(2);
            }
        }

        @Test
        void aCallerWhoseTurnDoesNotComeHearsBusy() throws Exception {
            var gate = new Gate();
            try (var single = new GraalPyRunner(GENEROUS.withConcurrentRuns(1).withMaxWait(Duration.ofMillis(300)),
                    () -> engine, gate);
                 var learners = Executors.newVirtualThreadPerTaskExecutor()) {
                var first = learners.submit(() -> single.run("x = 1", ""));
                while (gate.inside.get() < 1) {
                    Thread.sleep(5);
                }

                assertThat(single.run("x = 2", "")).isEqualTo(new RunResult.Busy());

                gate.release.countDown();
                assertThat(first.get()).isEqualTo(new RunResult.Busy());
            }
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theEngineIsRenewedEverySoManyRunsAndTheOldOneClosed() throws InterruptedException {
        var built = new CopyOnWriteArrayList<Engine>();
        Supplier<Engine> counting = () -> {
            var fresh = GraalPyRunner.newEngine();
            built.add(fresh);
            return fresh;
        };
        try (var renewing = new GraalPyRunner(GENEROUS.withRunsPerEngine(2), counting, true,
                GraalPyRunner.RunObserver.NONE)) {
            for (int i = 0; i < 2; i++) {
                assertThat(renewing.run("x = " + i, "assert x == " + i)).isEqualTo(new Passed("", 1));
            }
            while (!isClosed(built.getFirst())) {
                Thread.sleep(50); // the second run started a renewal; the first engine closes once it is done
            }

            assertThat(renewing.run("x = 2", "assert x == 2")).isEqualTo(new Passed("", 1));
            assertThat(built).hasSize(2);
        }
    }

    private static boolean isClosed(Engine engine) {
        try (var context = org.graalvm.polyglot.Context.newBuilder("python").engine(engine)
                .sandbox(org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
                .out(java.io.OutputStream.nullOutputStream()).err(java.io.OutputStream.nullOutputStream())
                .allowHostAccess(org.graalvm.polyglot.HostAccess.CONSTRAINED)
                .allowIO(org.graalvm.polyglot.io.IOAccess.NONE).build()) {
            return false;
        } catch (IllegalStateException | PolyglotException e) {
            return true; // closed, or cancelling its contexts on the way to closed
        }
    }

    @Test
    void whenPythonCannotStartEveryRunSaysWhy() {
        try (var broken = new GraalPyRunner(GENEROUS, () -> {
            throw new IllegalStateException("no Python home");
        }, GraalPyRunner.RunObserver.NONE)) {
            assertThat(broken.run("x = 1", "")).isEqualTo(new RunResult.Unavailable("Python could not start: no Python home"));
        }
    }
}
