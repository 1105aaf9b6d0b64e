package dev.socratic.sandbox;

import dev.socratic.tutor.CodeRunner;
import dev.socratic.tutor.RunResult;
import dev.socratic.tutor.RunResult.Limit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs Python on GraalPy, inside this JVM. Every run gets a fresh context of one shared engine
 * (the engine keeps parsed code, so a context costs milliseconds once warm), under
 * {@link SandboxPolicy#CONSTRAINED}: no file system, network, processes, native code, host classes
 * or environment. A watchdog cancels a run at its time limit, a memory guard stops one that fills
 * the heap, and at most {@link SandboxLimits#concurrentRuns()} run at once while the rest queue.
 * The engine starts on first use or on {@link #warmUp()}; if it cannot start, runs report
 * {@link RunResult.Unavailable} and the rest of the tutor carries on.
 */
public final class GraalPyRunner implements CodeRunner, AutoCloseable {

    private static final Duration GUARD_PERIOD = Duration.ofMillis(25);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /** Imports what curriculum code uses most, so a new engine has parsed them before a learner's clock runs. */
    private static final String WARM_UP_CODE = """
            import asyncio, collections, dataclasses, functools, heapq, itertools, json, re, threading, time, typing
            total = sum(range(10))""";
    private static final String WARM_UP_TESTS = "assert total == 45";

    private final Logger log = LoggerFactory.getLogger(GraalPyRunner.class);
    private final SandboxLimits limits;
    private final EngineCycle engines;
    private final RunObserver observer;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;
    private final MemoryGuard guard;
    private volatile boolean closed;

    public GraalPyRunner(SandboxLimits limits) {
        this(limits, GraalPyRunner::newEngine, true, RunObserver.NONE);
    }

    /** A runner on an engine someone else owns and closes (tests share one engine between runners). */
    GraalPyRunner(SandboxLimits limits, Supplier<Engine> engines, RunObserver observer) {
        this(limits, engines, false, observer);
    }

    /**
     * @param engines    builds an engine, on a background thread; it may throw when Python cannot start
     * @param ownsEngine whether this runner renews and closes the engines it gets
     */
    GraalPyRunner(SandboxLimits limits, Supplier<Engine> engines, boolean ownsEngine, RunObserver observer) {
        this.limits = limits;
        this.engines = new EngineCycle(engines, this::warm, limits.runsPerEngine(), limits.heapCeiling() / 4,
                MemoryGuard.longLivedHeap(), ownsEngine);
        this.observer = observer;
        var runners = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.concurrentRuns(), limits.concurrentRuns(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), task -> Thread.ofPlatform().daemon()
                .name("python-run-" + runners.incrementAndGet()).unstarted(task));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                task -> Thread.ofPlatform().daemon().name("python-watchdog").unstarted(task));
        this.guard = new MemoryGuard(limits.heapCeiling());
        watchdog.scheduleAtFixedRate(guard::check, GUARD_PERIOD.toMillis(), GUARD_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Starts the engine and runs one small program in the background, so the first learner does not wait. */
    public void warmUp() {
        engines.start();
        var done = new CompletableFuture<RunResult>();
        long begin = System.nanoTime();
        done.thenAccept(result -> log.info("Python sandbox warm in {} ms ({})",
                (System.nanoTime() - begin) / 1_000_000, result.getClass().getSimpleName()));
        submit(new Job(WARM_UP_CODE, WARM_UP_TESTS), done);
    }

    @Override
    public RunResult run(String code, String tests) {
        var result = new CompletableFuture<RunResult>();
        if (!submit(new Job(code, tests), result)) {
            return new RunResult.Unavailable("the Python sandbox is shut down");
        }
        try {
            return result.get(limits.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // whichever comes first wins: a result that lands now is still returned
            result.complete(new RunResult.Busy());
            return result.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.complete(new RunResult.Busy());
            return result.join();
        } catch (ExecutionException e) {
            return new RunResult.Unavailable(String.valueOf(e.getCause()));
        }
    }

    /** Runs now executing, and runs waiting for a turn. */
    int running() {
        return pool.getActiveCount();
    }

    int waiting() {
        return pool.getQueue().size();
    }

    private boolean submit(Job job, CompletableFuture<RunResult> result) {
        if (closed) {
            return false;
        }
        try {
            pool.execute(() -> execute(job, result));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    static Engine newEngine() {
        return Engine.newBuilder("python")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .logHandler(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    private void execute(Job job, CompletableFuture<RunResult> result) {
        if (result.isDone()) {
            return; // the caller stopped waiting while this sat in the queue
        }
        observer.started();
        try (var lease = engines.lease()) {
            var output = new BoundedOutput(limits.keptOutputBytes());
            var progress = new TestProgress();
            var context = newContext(lease.engine(), output);
            try {
                runIn(context, job, result, output, progress);
            } finally {
                closeQuietly(context);
            }
        } catch (ExecutionException e) {
            result.complete(new RunResult.Unavailable("Python could not start: " + e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.complete(new RunResult.Unavailable("the Python sandbox is shutting down"));
        } catch (RuntimeException e) {
            log.warn("a Python run failed outside the learner's code", e);
            result.complete(new RunResult.Unavailable("Python failed: " + e.getMessage()));
        } finally {
            observer.finished();
        }
    }

    private void runIn(Context context, Job job, CompletableFuture<RunResult> result, BoundedOutput output,
                       TestProgress progress) {
        var run = new ActiveRun(context, result, output, progress);
        try {
            // start-up and the harness are ours: the learner's clock starts after them
            context.eval(Harness.SOURCE);
            var bindings = context.getBindings("python");
            bindings.getMember("prepare").execute(job.code(), job.tests());
            var harness = bindings.getMember("run");
            if (result.isDone()) {
                return;
            }
            guard.watch(run);
            var timer = watchdog.schedule(() -> run.stop(Limit.TIME), limits.time().toMillis(), TimeUnit.MILLISECONDS);
            try {
                var report = harness.execute(job.code(), job.tests(), progress);
                result.complete(Harness.read(report, output.text()));
            } finally {
                timer.cancel(false);
            }
        } catch (PolyglotException e) {
            result.complete(interpret(e, run, output, progress));
        } finally {
            guard.forget(run);
        }
    }

    private RunResult interpret(PolyglotException e, ActiveRun run, BoundedOutput output, TestProgress progress) {
        var message = String.valueOf(e.getMessage());
        if (run.isStopping()) {
            return new RunResult.LimitExceeded(output.text(), run.stoppedFor(), progress.statement());
        }
        if (e.isResourceExhausted()) {
            // the context's own limits: MaxThreads names threads; the output limits say nothing
            var limit = message.contains("thread") ? Limit.THREADS : Limit.OUTPUT;
            return new RunResult.LimitExceeded(output.text(), limit, progress.statement());
        }
        if (e.isCancelled()) {
            return new RunResult.Unavailable("the Python sandbox is shutting down");
        }
        if (e.isExit()) {
            return new RunResult.Raised(output.text(), "SystemExit", "exit(" + e.getExitStatus() + ")", 0);
        }
        if (e.isInternalError() && Escapes.of("", message).isEmpty()) {
            log.warn("GraalPy failed internally on a run: {}", message);
            return new RunResult.Unavailable("Python failed internally");
        }
        // an error that escaped the harness: a refused host operation, or a Python error we can still name
        int colon = message.indexOf(':');
        var type = colon > 0 && !message.substring(0, colon).contains(" ") ? message.substring(0, colon) : "Error";
        return Harness.raised(output.text(), type, colon > 0 ? message.substring(colon + 1).strip() : message, 0);
    }

    /** Runs a small program on a new engine, so its first real run does not pay for the start-up. */
    private void warm(Engine python) {
        var context = newContext(python, new BoundedOutput(limits.keptOutputBytes()));
        try {
            context.eval(Harness.SOURCE);
            var bindings = context.getBindings("python");
            bindings.getMember("prepare").execute(WARM_UP_CODE, WARM_UP_TESTS);
            bindings.getMember("run").execute(WARM_UP_CODE, WARM_UP_TESTS, new TestProgress());
        } finally {
            closeQuietly(context);
        }
    }

    private Context newContext(Engine python, OutputStream output) {
        return Context.newBuilder("python")
                .engine(python)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowIO(IOAccess.NONE)
                .allowNativeAccess(false)
                .allowCreateProcess(false)
                .allowCreateThread(true)
                .in(InputStream.nullInputStream())
                .out(output)
                .err(output)
                .option("sandbox.MaxThreads", Integer.toString(limits.threads()))
                .option("sandbox.MaxOutputStreamSize", limits.outputBytes() + "B")
                .option("sandbox.MaxErrorStreamSize", limits.outputBytes() + "B")
                .build();
    }

    static void closeQuietly(Context context) {
        try {
            context.close(true);
        } catch (RuntimeException e) {
            // a cancelled context may report its cancellation again on close; it is closed either way
        }
    }

    /** Stops every run and the engines; waits a few seconds at most, so a stuck run cannot hold up shutdown. */
    @Override
    public void close() {
        closed = true;
        pool.shutdownNow();
        watchdog.shutdownNow();
        var closing = engines.close().stream().map(engine -> engine.thenAcceptAsync(python -> {
            try {
                python.close(true);
            } catch (RuntimeException e) {
                log.debug("closing the Python engine: {}", e.getMessage());
            }
        }, task -> Thread.ofPlatform().daemon().name("python-close").start(task))).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.debug("the Python engine did not close in {}: {}", CLOSE_WAIT, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Job(String code, String tests) {
    }

    /** Sees runs start and end; lets a test hold runs open to count them. */
    interface RunObserver {
        RunObserver NONE = new RunObserver() {
        };

        default void started() {
        }

        default void finished() {
        }
    }
}
