package dev.socratic.telegram;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may use the bot. Strangers are refused once per run and remembered only in memory, so no
 * table ever holds their id.
 */
final class AccessPolicy {

    /** Bounds the memory a flood of strangers can take; past it they get no further refusals. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Set<Long> allowed;
    private final Set<Long> refused = ConcurrentHashMap.newKeySet();

    AccessPolicy(Set<Long> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    boolean allows(long userId) {
        return allowed.isEmpty() || allowed.contains(userId);
    }

    /** True the first time a stranger writes: they get one short refusal, then silence. */
    boolean shouldRefuse(long userId) {
        return refused.size() < MAX_REMEMBERED && refused.add(userId);
    }
}
