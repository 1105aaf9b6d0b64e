package dev.socratic.console;

import java.util.List;
import dev.socratic.tutor.Outbound.Photo;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.LinkedImage;
import dev.socratic.tutor.Pictures;
import dev.socratic.Fixtures;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.render.CurriculumPictures;
import dev.socratic.render.PlantUmlMapRenderer;
import dev.socratic.render.Png;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.store.SqliteOutbox;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Tutor;
import dev.socratic.tutor.TurnProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** A terminal cannot show pictures: they are written to files, and a line names each file. */
class ConsolePicturesTest {

    @TempDir
    Path folder;

    private String run(String input) {
        Curriculum curriculum = Fixtures.curriculum();
        var pictures = CurriculumPictures.inFolder(curriculum, Fixtures.CURRICULUM_DIR);
        var out = new ByteArrayOutputStream();
        var clock = Clock.systemUTC();
        try (var database = Database.open(folder.resolve("tutor.db"))) {
            var tutor = new Tutor(curriculum, new KeyPointGrader(), Messages.load(), pictures, new PlantUmlMapRenderer());
            new ConsoleTutor(new TurnProcessor(tutor, new SqliteLearnerStore(database, clock)), new SqliteOutbox(database),
                    new PrintStream(out, true, StandardCharsets.UTF_8), clock, pictures, folder.resolve("pictures"))
                    .run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPictureIsALineNamingItsFileBeforeTheLesson() throws IOException {
        var output = run("/start\n");

        var picture = folder.resolve("pictures/topics-basics.png");
        assertThat(output).contains("[picture: " + picture + "]");
        assertThat(output.indexOf("[picture: ")).isLessThan(output.indexOf("A thread is one line of execution"));
        assertThat(Files.readAllBytes(picture))
                .isEqualTo(Files.readAllBytes(Fixtures.CURRICULUM_DIR.resolve("pictures/topics/basics.png")));
    }

    @Test
    void aLinkedPictureIsALineWithItsAddressAndNothingIsDownloaded() throws Exception {
        var out = new ByteArrayOutputStream();
        var sink = new ConsoleSink(new PrintStream(out, true, StandardCharsets.UTF_8), Pictures.NONE,
                folder.resolve("pictures"));

        sink.send(1, new Photo(new LinkedImage("https://mermaid.ink/img/Z3JhcGggTFI"),
                new Message(List.of(new Paragraph("Where does the list live?")), List.of())));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("[picture: https://mermaid.ink/img/Z3JhcGggTFI]\nWhere does the list live?");
        assertThat(folder.resolve("pictures")).doesNotExist();
    }

    @Test
    void theMapIsWrittenAsAPng() throws IOException {
        var output = run("/start\n/map basics\n");

        var map = folder.resolve("pictures/map-basics.png");
        assertThat(output).contains("[picture: " + map + "]");
        assertThat(Png.read(Files.readAllBytes(map))).isPresent();
    }
}
