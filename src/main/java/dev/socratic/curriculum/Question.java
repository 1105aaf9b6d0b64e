package dev.socratic.curriculum;

import java.util.List;
import java.util.Objects;

/**
 * Something the learner answers: a concept's check or one of its quiz items.
 *
 * @param code     optional Python shown with the prompt ("" when none)
 * @param answer   the model answer; for predict-output the exact output, for write-code a model solution
 * @param choices  the options of a multiple-choice item; {@code answer} is one of them
 * @param tests    for write-code: Python asserts run after the learner's code
 * @param requiresPackages third-party Python packages the code needs; empty for the standard library
 */
public record Question(
        CheckKind kind,
        String prompt,
        String code,
        String answer,
        List<String> keyPoints,
        List<String> hints,
        List<String> choices,
        String tests,
        List<String> requiresPackages) {

    public Question {
        Objects.requireNonNull(kind, "kind");
        prompt = Objects.requireNonNullElse(prompt, "").strip();
        code = stripTrailing(code);
        answer = stripTrailing(answer);
        keyPoints = List.copyOf(Objects.requireNonNullElse(keyPoints, List.of()));
        hints = List.copyOf(Objects.requireNonNullElse(hints, List.of()));
        choices = List.copyOf(Objects.requireNonNullElse(choices, List.of()));
        tests = stripTrailing(tests);
        requiresPackages = List.copyOf(Objects.requireNonNullElse(requiresPackages, List.of()));
    }

    public boolean hasCode() {
        return !code.isEmpty();
    }

    private static String stripTrailing(String text) {
        return text == null ? "" : text.stripTrailing();
    }
}
