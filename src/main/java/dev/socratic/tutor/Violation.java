package dev.socratic.tutor;

import java.util.Objects;

/** A teaching rule a draft broke; {@code detail} says where, for the event log. */
public record Violation(TeachingRule rule, String detail) {

    public Violation {
        Objects.requireNonNull(rule, "rule");
        detail = Objects.requireNonNullElse(detail, "");
    }
}
