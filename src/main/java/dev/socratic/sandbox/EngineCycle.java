package dev.socratic.sandbox;

import org.graalvm.polyglot.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The shared engine, renewed every so many runs, or sooner when the heap has grown by a set amount
 * since the engine settled. GraalPy keeps part of what each context compiles in its engine for good (measured
 * per run: nothing for plain code, 0.2-0.6 MB for code importing threading, typing or dataclasses,
 * 3 MB for asyncio), so one engine for the life of the bot would grow without bound. A new engine
 * is built and warmed in the background, new runs move to it, and the old one closes when its
 * last run ends.
 */
final class EngineCycle {

    private final Logger log = LoggerFactory.getLogger(EngineCycle.class);
    /** Runs an engine serves before its heap is measured, and at least before the heap alone can retire it. */
    private static final int MIN_RUNS = 10;

    private final Supplier<Engine> factory;
    private final Consumer<Engine> warmUp;
    private final int runsPerEngine;
    private final long heapGrowth;
    private final LongSupplier longLivedHeap;
    private final boolean owned;
    private final List<Generation> retired = new ArrayList<>();
    private Generation current;
    private boolean renewing;
    private boolean closed;

    /**
     * @param factory       builds an engine; may throw when Python cannot start
     * @param warmUp        runs a small program on a new engine before it takes runs
     * @param runsPerEngine runs before the engine is renewed
     * @param heapGrowth    growth of the long-lived heap since the engine started that renews it early
     * @param longLivedHeap the long-lived heap now, in bytes
     * @param owned         whether engines are this cycle's to renew and close (a test may share one engine)
     */
    EngineCycle(Supplier<Engine> factory, Consumer<Engine> warmUp, int runsPerEngine, long heapGrowth,
                LongSupplier longLivedHeap, boolean owned) {
        this.factory = factory;
        this.warmUp = warmUp;
        this.runsPerEngine = runsPerEngine;
        this.heapGrowth = heapGrowth;
        this.longLivedHeap = longLivedHeap;
        this.owned = owned;
    }

    /** Starts the first engine in the background, if it is not started yet. */
    synchronized void start() {
        if (current == null) {
            var engine = new CompletableFuture<Engine>();
            current = new Generation(engine);
            Thread.ofPlatform().daemon().name("python-start").start(() -> build(engine));
        }
    }

    /** The engine for one run; close the lease when the run's context is closed. */
    synchronized Lease lease() {
        if (closed) {
            return new Lease(new Generation(CompletableFuture.failedFuture(
                    new IllegalStateException("the Python sandbox is shut down"))));
        }
        start();
        var generation = current;
        generation.active++;
        if (owned && !renewing && isDue(++generation.runs, generation) && generation.engine.isDone()
                && !generation.engine.isCompletedExceptionally()) {
            renewing = true;
            Thread.ofPlatform().daemon().name("python-renew").start(this::renew);
        }
        return new Lease(generation);
    }

    private boolean isDue(int runs, Generation generation) {
        if (runs == MIN_RUNS) {
            // measured once the engine has settled: its warm-up and first imports are not growth
            generation.heapAtStart = longLivedHeap.getAsLong();
        }
        return runs >= runsPerEngine
                || runs > MIN_RUNS && longLivedHeap.getAsLong() - generation.heapAtStart > heapGrowth;
    }

    /** Engines not yet closed, current first; for shutting down. */
    synchronized List<CompletableFuture<Engine>> close() {
        closed = true;
        var open = new ArrayList<CompletableFuture<Engine>>();
        if (current != null && owned) {
            open.add(current.engine);
        }
        retired.forEach(generation -> open.add(generation.engine));
        retired.clear();
        return open;
    }

    private void build(CompletableFuture<Engine> engine) {
        long begin = System.nanoTime();
        try {
            engine.complete(factory.get());
            log.info("Python engine started in {} ms", (System.nanoTime() - begin) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Python sandbox unavailable, code will not be run: {}", e.getMessage());
            engine.completeExceptionally(e);
        }
    }

    private void renew() {
        long begin = System.nanoTime();
        Engine fresh;
        try {
            fresh = factory.get();
            warmUp.accept(fresh);
        } catch (RuntimeException | LinkageError e) {
            log.warn("could not renew the Python engine, keeping the old one: {}", e.getMessage());
            synchronized (this) {
                renewing = false;
                current.runs = 0;
            }
            return;
        }
        Generation old;
        synchronized (this) {
            renewing = false;
            if (closed) {
                fresh.close(true);
                return;
            }
            old = current;
            current = new Generation(CompletableFuture.completedFuture(fresh));
            retired.add(old);
            if (old.active > 0) {
                old = null; // its last lease closes it
            } else {
                retired.remove(old);
            }
        }
        log.info("Python engine renewed in {} ms", (System.nanoTime() - begin) / 1_000_000);
        if (old != null) {
            closeQuietly(old.engine);
        }
    }

    private void released(Generation generation) {
        boolean last;
        synchronized (this) {
            generation.active--;
            last = generation.active == 0 && retired.remove(generation);
        }
        if (last) {
            closeQuietly(generation.engine);
        }
    }

    private void closeQuietly(CompletableFuture<Engine> engine) {
        engine.thenAccept(python -> {
            try {
                python.close(true);
            } catch (RuntimeException e) {
                log.debug("closing a Python engine: {}", e.getMessage());
            }
        });
    }

    /** One engine and the runs on it. Counters are guarded by the cycle's lock. */
    private static final class Generation {
        final CompletableFuture<Engine> engine;
        long heapAtStart;
        int active;
        int runs;

        Generation(CompletableFuture<Engine> engine) {
            this.engine = engine;
        }
    }

    final class Lease implements AutoCloseable {
        private final Generation generation;
        private boolean released;

        private Lease(Generation generation) {
            this.generation = generation;
        }

        /** Waits for the engine to be built. */
        Engine engine() throws ExecutionException, InterruptedException {
            return generation.engine.get();
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                released(generation);
            }
        }
    }
}
