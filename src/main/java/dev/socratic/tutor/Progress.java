package dev.socratic.tutor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a learner has covered.
 *
 * @param done     concepts whose check was passed or revealed, in the order they were covered
 * @param revealed concepts whose answer had to be revealed: they are due for early review
 */
public record Progress(List<String> done, Set<String> revealed) {

    public static final Progress EMPTY = new Progress(List.of(), Set.of());

    public Progress {
        done = List.copyOf(new LinkedHashSet<>(done));
        revealed = Set.copyOf(revealed);
    }

    public boolean isDone(String conceptId) {
        return done.contains(conceptId);
    }

    Progress complete(String conceptId, boolean wasRevealed) {
        var newDone = new ArrayList<>(done);
        if (!newDone.contains(conceptId)) {
            newDone.add(conceptId);
        }
        var newRevealed = new LinkedHashSet<>(revealed);
        if (wasRevealed) {
            newRevealed.add(conceptId);
        }
        return new Progress(newDone, newRevealed);
    }

    /** The concept had its early review, so it is no longer flagged for one. */
    Progress reviewed(String conceptId) {
        if (!revealed.contains(conceptId)) {
            return this;
        }
        var newRevealed = new LinkedHashSet<>(revealed);
        newRevealed.remove(conceptId);
        return new Progress(done, newRevealed);
    }
}
