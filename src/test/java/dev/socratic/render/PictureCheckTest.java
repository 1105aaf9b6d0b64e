package dev.socratic.render;

import dev.socratic.Fixtures;
import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.render.PictureCheck.Kind;
import dev.socratic.render.PictureCheck.Problem;
import dev.socratic.tutor.Outbound.CurriculumImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stale-picture detection, on a copy of the fixture curriculum changed the way authors change it. */
class PictureCheckTest {

    @TempDir
    Path folder;

    @BeforeEach
    void copyFixture() throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.CURRICULUM_DIR)) {
            for (var file : files.toList()) {
                var target = folder.resolve(Fixtures.CURRICULUM_DIR.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private CurriculumPictures pictures() {
        return CurriculumPictures.inFolder(new CurriculumLoader().load(folder), folder);
    }

    private void edit(String file, String from, String to) throws IOException {
        var path = folder.resolve(file);
        var text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void anUntouchedCopyIsFresh() {
        var pictures = pictures();

        assertThat(pictures.check().problems()).isEmpty();
        assertThat(pictures.check().fresh()).containsExactlyInAnyOrder("topics/basics", "concepts/pools");
    }

    @Test
    void aChangedDiagramMakesItsPictureStaleAndTheConceptIsTaughtInWords() throws IOException {
        edit("system-design/pools.yaml", "App --> Pool --> DB", "App --> Pool --> Replica");

        var pictures = pictures();

        assertThat(pictures.check().problems()).containsExactly(
                new Problem("concepts/pools", Kind.STALE, "system-design/pools.yaml"));
        assertThat(pictures.check().report()).contains("concepts/pools", PictureCheck.RENDER_COMMAND);
        var curriculum = new CurriculumLoader().load(folder);
        assertThat(pictures.of(curriculum.require("pools"))).isEmpty();
        assertThat(pictures.read(new CurriculumImage("concepts/pools"))).isEmpty();
        assertThat(pictures.of(curriculum.topics().getFirst())).contains(new CurriculumImage("topics/basics"));
    }

    @Test
    void whitespaceAroundADiagramDoesNotMakeItStale() throws IOException {
        edit("system-design/pools.yaml", "    diagram: |\n", "    diagram: |+\n\n");

        assertThat(pictures().check().problems()).isEmpty();
    }

    @Test
    void aNewDiagramWithoutAPictureIsMissing() throws IOException {
        edit("python/basics.yaml", "    title: Locks\n", "    title: Locks\n    diagram: graph TD; A --> B\n");

        assertThat(pictures().check().problems()).extracting(Problem::key, Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("concepts/locks", Kind.MISSING));
    }

    @Test
    void aDeletedPictureFileIsMissing() throws IOException {
        Files.delete(folder.resolve("pictures/topics/basics.png"));

        assertThat(pictures().check().problems()).extracting(Problem::key, Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("topics/basics", Kind.MISSING));
    }

    @Test
    void aPictureReplacedByHandIsDamaged() throws IOException {
        Files.write(folder.resolve("pictures/concepts/pools.png"), new byte[]{1, 2, 3});

        assertThat(pictures().check().problems()).extracting(Problem::key, Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("concepts/pools", Kind.DAMAGED));
    }

    @Test
    void aPictureWhoseDiagramWasRemovedIsAnOrphan() throws IOException {
        edit("system-design/pools.yaml", "    diagram: |\n      graph LR\n        App --> Pool --> DB\n", "");
        edit("system-design/pools.yaml", "title: Pooling\n", "title: Pooling\ndiagram: graph LR; A --> B\n");

        var problems = pictures().check().problems();

        assertThat(problems).extracting(Problem::key, Problem::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("topics/pooling", Kind.MISSING),
                org.assertj.core.groups.Tuple.tuple("concepts/pools", Kind.ORPHAN));
    }

    @Test
    void aBrokenManifestCostsThePicturesNotTheTutor() throws IOException {
        Files.writeString(folder.resolve("pictures/manifest.json"), "{ not json");

        var check = pictures().check();

        assertThat(check.fresh()).isEmpty();
        assertThat(check.problems()).extracting(Problem::kind).contains(Kind.MISSING, Kind.DAMAGED);
        assertThat(check.report()).contains("manifest.json");
    }

    @Test
    void noPicturesFolderAtAllMeansEveryDiagramIsMissing() throws IOException {
        try (Stream<Path> files = Files.walk(folder.resolve("pictures"))) {
            for (var file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }

        assertThat(pictures().check().problems()).extracting(Problem::kind).containsOnly(Kind.MISSING).hasSize(2);
    }

    @Test
    void theBundledPicturesAreReadFromTheClassPath() {
        // the jar carries curriculum/ at /curriculum; in the build that is target/classes/curriculum
        var bundled = CurriculumPictures.bundled(new CurriculumLoader().loadBundled());

        assertThat(bundled.check().allFresh()).as(bundled.check().report()).isTrue();
        var first = bundled.check().fresh().iterator().next();
        assertThat(bundled.read(new CurriculumImage(first)).flatMap(Png::read)).isPresent();
    }
}
