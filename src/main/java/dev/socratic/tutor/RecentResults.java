package dev.socratic.tutor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The results of the last few slow, repeatable computations (running a snippet, drawing a diagram),
 * so a draft checked by the guard is not run again to be shown. Thread-safe; the computation runs
 * outside the lock, so two turns may compute the same key at once (both get a right answer).
 */
final class RecentResults<K, V> {

    private final Map<K, V> kept;

    RecentResults(int capacity) {
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The kept result for {@code key}, else {@code compute}'s, kept only when {@code worthKeeping}. */
    V get(K key, Function<K, V> compute, Predicate<V> worthKeeping) {
        var known = find(key);
        if (known.isPresent()) {
            return known.get();
        }
        var result = compute.apply(key);
        if (worthKeeping.test(result)) {
            synchronized (kept) {
                kept.put(key, result);
            }
        }
        return result;
    }

    private Optional<V> find(K key) {
        synchronized (kept) {
            return Optional.ofNullable(kept.get(key));
        }
    }
}
