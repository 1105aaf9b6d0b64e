package dev.socratic.curriculum;

/** The two halves of the syllabus. */
public enum Track {
    PYTHON,
    SYSTEM_DESIGN;

    public static Track fromYaml(String name) {
        return switch (name == null ? "" : name) {
            case "python" -> PYTHON;
            case "system-design" -> SYSTEM_DESIGN;
            default -> throw new IllegalArgumentException("unknown track '" + name + "' (expected python or system-design)");
        };
    }
}
