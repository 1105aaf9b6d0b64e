package dev.socratic;

import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.CurriculumLoader;

import java.nio.file.Path;

/** The small curriculum the tests teach from: threads → locks in one topic, pools in another. */
public final class Fixtures {

    public static final Path CURRICULUM_DIR = Path.of("src/test/resources/fixture-curriculum");
    /** Threads → locks → a write-code counter, and pools: the LLM voice's tests. */
    /** A learner's token bucket for the curriculum's token-bucket item that never refills: wrong once time passes. */
    public static final String NEVER_REFILLING_BUCKET = """
            class TokenBucket:
                def __init__(self, rate, capacity, clock):
                    self.tokens = capacity

                def allow(self):
                    if self.tokens >= 1:
                        self.tokens -= 1
                        return True
                    return False
            """;
    public static final Path VOICE_CURRICULUM_DIR = Path.of("src/test/resources/voice-curriculum");

    private Fixtures() {
    }

    public static Curriculum curriculum() {
        return new CurriculumLoader().load(CURRICULUM_DIR);
    }

    public static Curriculum voiceCurriculum() {
        return new CurriculumLoader().load(VOICE_CURRICULUM_DIR);
    }
}
