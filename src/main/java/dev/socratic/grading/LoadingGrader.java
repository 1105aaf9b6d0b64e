package dev.socratic.grading;

import dev.socratic.curriculum.Question;
import dev.socratic.tutor.Grader;
import dev.socratic.tutor.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedding grader, loaded in the background so the first reply does not wait for the model
 * (about a second of CPU); the first answer that needs it waits for it. The load starts when
 * {@link #startLoading()} is called (once the bot is up, so it does not compete with start-up on a
 * small machine) or at the first answer. Should the model not load (no writable temp folder for
 * its native libraries, say), answers are graded by key points alone.
 */
public final class LoadingGrader implements Grader {

    private static final Logger log = LoggerFactory.getLogger(LoadingGrader.class);
    private static final long LOAD_PATIENCE_SECONDS = 60;

    private final CompletableFuture<Grader> loaded = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    /** Begins loading the model in the background; later calls do nothing. */
    public void startLoading() {
        if (started.compareAndSet(false, true)) {
            Thread.ofVirtual().name("grader-load").start(() -> loaded.complete(load()));
        }
    }

    /** Runs {@code then} once the model has loaded (or failed to), on the loading thread. */
    public void whenLoaded(Runnable then) {
        loaded.thenRun(then);
    }

    private static Grader load() {
        try {
            return EmbeddingGrader.withBundledModel();
        } catch (RuntimeException | LinkageError e) {
            log.warn("the grader's language model could not load ({}); grading by key points only", e.toString());
            return new KeyPointGrader();
        }
    }

    @Override
    public Verdict grade(Question question, String answer) {
        return grader().grade(question, answer);
    }

    private Grader grader() {
        startLoading();
        try {
            return loaded.get(LOAD_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KeyPointGrader();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("the grader's language model is not ready ({}); grading this answer by key points", e.toString());
            return new KeyPointGrader();
        }
    }
}
