package dev.socratic.tutor;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one prompt may carry. The core builds it, so what the LLM sees is decided here: the
 * current concept's material only, a bounded slice of recent lines, and mastery facts.
 *
 * @param learnerText what the learner just wrote ("" when they sent a command)
 * @param grade       the offline grader's verdict on that text, lower case, or "" when it was not an answer
 * @param pictures    whether a Mermaid diagram in the draft can reach the learner as a picture
 */
public record VoiceRequest(
        Purpose purpose,
        Material material,
        Mastery mastery,
        List<Transcript.Line> recent,
        String learnerText,
        String grade,
        boolean pictures,
        Optional<Revision> revision) {

    public VoiceRequest {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(mastery, "mastery");
        recent = List.copyOf(recent);
        learnerText = Objects.requireNonNullElse(learnerText, "");
        grade = Objects.requireNonNullElse(grade, "");
        Objects.requireNonNull(revision, "revision");
        // the rule "never the pending answer when teaching or hinting", enforced where every prompt starts
        if (purpose.questionOpen() && !material.modelAnswer().isEmpty()) {
            throw new IllegalArgumentException("a " + purpose + " prompt must not carry the open question's answer");
        }
    }

    /**
     * The same request, asking again after a draft broke {@code violations}. The draft itself is not
     * sent back: it may hold exactly what a prompt must never carry (the answer, a later concept).
     */
    public VoiceRequest revise(List<Violation> violations) {
        return new VoiceRequest(purpose, material, mastery, recent, learnerText, grade, pictures,
                Optional.of(new Revision(violations)));
    }

    /** Why the voice is asked to speak; each has its own prompt file. */
    public enum Purpose {
        /** Explain the current concept (its check question follows, as written). */
        TEACH(true),
        /** Reply to a wrong or partial answer with a guiding question built on the next hint. */
        FEEDBACK(true),
        /** The learner asked for a hint. */
        HINT(true),
        /** Answer the learner's own question about the current concept (the open question follows). */
        QUESTION(true),
        /** Comment on a correct answer (the model answer may be used: the question is closed). */
        CORRECT(false),
        /** The hints ran out and the model answer is shown: name the idea that unlocks it (the question is closed). */
        REVEAL(false);

        private final boolean questionOpen;

        Purpose(boolean questionOpen) {
            this.questionOpen = questionOpen;
        }

        /** Whether the learner still owes the answer, so the prompt must not carry it. */
        public boolean questionOpen() {
            return questionOpen;
        }

        public String promptName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The current concept, as far as this prompt may know it.
     *
     * @param hint        the authored hint to convey ("" when none)
     * @param modelAnswer "" whenever the question is still open
     */
    public record Material(String conceptTitle, String topicTitle, String explain, String go, String checkKind,
                           String checkPrompt, String checkCode, String hint, int hintNumber, int hintCount,
                           String modelAnswer) {
        public Material {
            Objects.requireNonNull(conceptTitle, "conceptTitle");
            topicTitle = Objects.requireNonNullElse(topicTitle, "");
            explain = Objects.requireNonNullElse(explain, "");
            go = Objects.requireNonNullElse(go, "");
            checkKind = Objects.requireNonNullElse(checkKind, "");
            checkPrompt = Objects.requireNonNullElse(checkPrompt, "");
            checkCode = Objects.requireNonNullElse(checkCode, "");
            hint = Objects.requireNonNullElse(hint, "");
            modelAnswer = Objects.requireNonNullElse(modelAnswer, "");
        }
    }

    /**
     * Facts about the learner the voice may build on (never claim: only the core grades and advances).
     *
     * @param recentTitles   the last few concepts covered, oldest first
     * @param revealedTitles those of them whose answer had to be shown
     * @param hintsUsed      hints already given on the open question
     */
    public record Mastery(int covered, List<String> recentTitles, List<String> revealedTitles, int hintsUsed) {
        public Mastery {
            recentTitles = List.copyOf(recentTitles);
            revealedTitles = List.copyOf(revealedTitles);
        }
    }

    public record Revision(List<Violation> violations) {
        public Revision {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a revision names at least one violation");
            }
        }
    }
}
