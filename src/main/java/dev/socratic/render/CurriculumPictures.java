package dev.socratic.render;

import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.Topic;
import dev.socratic.tutor.Outbound.CurriculumImage;
import dev.socratic.tutor.Pictures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pictures in {@code <curriculum>/pictures/} (or in the jar's copy of the curriculum). Only
 * fresh pictures are offered; the check that decides it runs once, when this is built.
 */
public final class CurriculumPictures implements Pictures {

    private static final String BUNDLED = "/curriculum/pictures/";

    private final Function<String, Optional<byte[]>> files;
    private final PictureCheck check;

    private CurriculumPictures(Curriculum curriculum, Function<String, Optional<byte[]>> files) {
        this.files = files;
        PictureManifest manifest;
        String unreadable = null;
        try {
            manifest = files.apply(PictureManifest.FILE).map(PictureManifest::parse).orElse(PictureManifest.EMPTY);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // a broken manifest costs the pictures, not the tutor: it teaches in words and says why
            manifest = PictureManifest.EMPTY;
            unreadable = e.getMessage();
        }
        var checked = PictureCheck.run(curriculum, manifest, files);
        this.check = unreadable == null ? checked
                : checked.with(new PictureCheck.Problem(PictureManifest.FILE, PictureCheck.Kind.DAMAGED, unreadable));
    }

    /** The pictures beside a curriculum folder, in its {@code pictures/} sub-folder. */
    public static CurriculumPictures inFolder(Curriculum curriculum, Path curriculumFolder) {
        var folder = curriculumFolder.resolve("pictures");
        return new CurriculumPictures(curriculum, relative -> {
            try {
                return Optional.of(Files.readAllBytes(folder.resolve(relative)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read picture " + folder.resolve(relative), e);
            }
        });
    }

    /** The pictures packed into the jar with its curriculum. */
    public static CurriculumPictures bundled(Curriculum curriculum) {
        return new CurriculumPictures(curriculum, relative -> {
            try (var in = CurriculumPictures.class.getResourceAsStream(BUNDLED + relative)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled picture " + relative, e);
            }
        });
    }

    public PictureCheck check() {
        return check;
    }

    @Override
    public Optional<CurriculumImage> of(Concept concept) {
        return fresh(Diagram.conceptKey(concept.id()));
    }

    @Override
    public Optional<CurriculumImage> of(Topic topic) {
        return fresh(Diagram.topicKey(topic.id()));
    }

    /** Only keys the check found fresh are read, so a key from a stored message never reaches outside the folder. */
    @Override
    public Optional<byte[]> read(CurriculumImage image) {
        if (!check.fresh().contains(image.key())) {
            return Optional.empty();
        }
        try {
            return files.apply(image.key() + ".png");
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private Optional<CurriculumImage> fresh(String key) {
        return check.fresh().contains(key) ? Optional.of(new CurriculumImage(key)) : Optional.empty();
    }
}
