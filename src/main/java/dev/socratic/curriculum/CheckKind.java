package dev.socratic.curriculum;

import java.util.Arrays;

/** The ways a learner is asked to show understanding; the YAML spells them in kebab case. */
public enum CheckKind {
    EXPLAIN_BACK,
    PREDICT_OUTPUT,
    SPOT_THE_BUG,
    TRADEOFF,
    WRITE_CODE,
    MULTIPLE_CHOICE;

    /** Answered in the learner's own words (graded by meaning), rather than by an output, a choice or code. */
    public boolean isProse() {
        return this == EXPLAIN_BACK || this == SPOT_THE_BUG || this == TRADEOFF;
    }

    public String yamlName() {
        return name().toLowerCase().replace('_', '-');
    }

    public static CheckKind fromYaml(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.yamlName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + name + "' (expected one of "
                        + String.join(", ", Arrays.stream(values()).map(CheckKind::yamlName).toList()) + ")"));
    }
}
