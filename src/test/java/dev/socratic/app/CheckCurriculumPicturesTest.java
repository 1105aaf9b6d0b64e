package dev.socratic.app;

import dev.socratic.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCurriculumPicturesTest {

    private static String checkCurriculum(Path curriculum) {
        var out = new ByteArrayOutputStream();
        int status = Main.run(new String[]{"check-curriculum"}, Map.of("TUTOR_CURRICULUM", curriculum.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportsThatEveryPictureIsUpToDate() {
        assertThat(checkCurriculum(Fixtures.CURRICULUM_DIR)).contains("2 of 2 pictures up to date");
    }

    @Test
    void namesMissingPicturesAndTheCommandThatRendersThemWithoutFailing(@TempDir Path folder) throws IOException {
        for (var file : new String[]{"python/basics.yaml", "system-design/pools.yaml"}) {
            Files.createDirectories(folder.resolve(file).getParent());
            Files.copy(Fixtures.CURRICULUM_DIR.resolve(file), folder.resolve(file));
        }

        assertThat(checkCurriculum(folder)).contains("0 of 2 pictures up to date", "topics/basics: no picture",
                "scripts/render-diagrams.sh");
    }
}
