package dev.socratic.grading;

import java.util.List;

/**
 * What an answer is compared with, encoded once per question.
 *
 * @param question   the question itself: repeating it earns nothing
 * @param references model answers (any one may be matched)
 * @param keyPoints  what a complete answer contains, each encoded on its own; may be empty
 * @param examples   earlier answers to this question with known grades; usually empty
 */
record Rubric(EncodedText question, List<EncodedText> references, List<EncodedText> keyPoints,
              List<GradedExample> examples) {

    Rubric {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("a rubric needs at least one reference answer");
        }
        references = List.copyOf(references);
        keyPoints = List.copyOf(keyPoints);
        examples = List.copyOf(examples);
    }
}
