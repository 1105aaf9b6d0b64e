package dev.socratic.render;

import dev.socratic.Fixtures;
import dev.socratic.curriculum.CurriculumLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Mermaid diagram of the curriculum has a fresh picture, so the bot never needs a browser.
 * When this fails, a diagram changed: run scripts/render-diagrams.sh and commit the pictures.
 */
class PicturesUpToDateTest {

    @ParameterizedTest
    @ValueSource(strings = {"curriculum", "src/test/resources/fixture-curriculum"})
    void everyDiagramHasAFreshPictureOfSensibleSize(String folder) throws IOException {
        var curriculumFolder = Path.of(folder);
        var curriculum = new CurriculumLoader().load(curriculumFolder);

        var check = CurriculumPictures.inFolder(curriculum, curriculumFolder).check();

        assertThat(check.allFresh()).as(check.report()).isTrue();
        assertThat(check.fresh()).hasSize(check.diagrams()).isNotEmpty();
        for (var key : check.fresh()) {
            var bytes = Files.readAllBytes(curriculumFolder.resolve("pictures").resolve(key + ".png"));
            var png = Png.read(bytes).orElseThrow();
            assertThat(png.width()).as(key).isBetween(100, 4_000);
            assertThat(png.height()).as(key).isBetween(50, 4_000);
            assertThat(bytes.length).as(key).isBetween(1_000, 1_000_000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"curriculum", "src/test/resources/fixture-curriculum"})
    void noPictureFileIsLeftWithoutItsDiagram(String folder) throws IOException {
        var pictures = Path.of(folder, "pictures");
        var curriculum = new CurriculumLoader().load(Path.of(folder));
        var check = CurriculumPictures.inFolder(curriculum, Path.of(folder)).check();

        try (var files = Files.walk(pictures)) {
            var keys = files.filter(f -> f.toString().endsWith(".png"))
                    .map(f -> pictures.relativize(f).toString().replace('\\', '/').replaceAll("\\.png$", ""))
                    .toList();
            assertThat(keys).as("run " + PictureCheck.RENDER_COMMAND + " to remove pictures of deleted diagrams")
                    .containsExactlyInAnyOrderElementsOf(check.fresh());
        }
    }

    @org.junit.jupiter.api.Test
    void theFixtureIsTheTestsCurriculum() {
        assertThat(Fixtures.CURRICULUM_DIR).isEqualTo(Path.of("src/test/resources/fixture-curriculum"));
    }
}
