package dev.socratic.tutor;

import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Topic;
import dev.socratic.tutor.Outbound.CurriculumImage;

import java.util.Optional;

/**
 * The pictures kept with the curriculum (its Mermaid diagrams, rendered ahead of time). Only a
 * picture that matches its diagram's current source is offered: a stale one would show something
 * the text no longer says, so the tutor teaches in words instead.
 */
public interface Pictures {

    /** No pictures at all: every concept is taught in words. */
    Pictures NONE = new Pictures() {
        @Override
        public Optional<CurriculumImage> of(Concept concept) {
            return Optional.empty();
        }

        @Override
        public Optional<CurriculumImage> of(Topic topic) {
            return Optional.empty();
        }

        @Override
        public Optional<byte[]> read(CurriculumImage image) {
            return Optional.empty();
        }
    };

    Optional<CurriculumImage> of(Concept concept);

    Optional<CurriculumImage> of(Topic topic);

    /** The PNG bytes, for the adapters; empty when the picture is gone (the caption is then sent as text). */
    Optional<byte[]> read(CurriculumImage image);
}
