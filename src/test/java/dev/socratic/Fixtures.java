package dev.socratic;

import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.CurriculumLoader;

import java.nio.file.Path;

/** The small curriculum the tests teach from: threads → locks in one topic, pools in another. */
public final class Fixtures {

    public static final Path CURRICULUM_DIR = Path.of("src/test/resources/fixture-curriculum");

    private Fixtures() {
    }

    public static Curriculum curriculum() {
        return new CurriculumLoader().load(CURRICULUM_DIR);
    }
}
