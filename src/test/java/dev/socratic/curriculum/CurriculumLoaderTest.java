package dev.socratic.curriculum;

import dev.socratic.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurriculumLoaderTest {

    @TempDir
    Path folder;

    private final CurriculumLoader loader = new CurriculumLoader();

    private static final String VALID_CHECK = "check: {kind: explain-back, prompt: 'Why?', answer: Because.}";

    private Path topic(String name, String yaml) throws IOException {
        var file = folder.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private static String topicYaml(String id, String concepts) {
        return "id: " + id + "\ntitle: T\ntrack: python\ndiagram: graph LR; a-->b\nconcepts:\n" + concepts;
    }

    private static String concept(String id, String requires) {
        return "  - id: " + id + "\n    requires: [" + requires + "]\n    explain: One idea.\n    " + VALID_CHECK + "\n";
    }

    @Test
    void loadsTopicsWithConceptsChecksAndQuizItems() {
        var curriculum = Fixtures.curriculum();

        assertThat(curriculum.topics()).extracting(Topic::id).containsExactly("basics", "pooling");
        var locks = curriculum.require("locks");
        assertThat(locks.check().kind()).isEqualTo(CheckKind.PREDICT_OUTPUT);
        assertThat(locks.check().answer()).isEqualTo("True\nFalse");
        assertThat(locks.check().code()).startsWith("import threading");
        assertThat(curriculum.require("threads").quiz().getFirst().choices()).containsExactly("yes", "no");
    }

    @Test
    void offersTheNextConceptOfTheCurrentTopicFirst() {
        var curriculum = Fixtures.curriculum();

        assertThat(curriculum.next(Set.of("threads"), "basics")).map(Concept::id).contains("locks");
        assertThat(curriculum.next(Set.of("threads"), "pooling")).map(Concept::id).contains("pools");
        assertThat(curriculum.next(Set.of(), "pooling")).map(Concept::id).contains("pools");
    }

    @Test
    void theBundledCopyInsideTheBuildLoads() {
        assertThat(loader.loadBundled().size()).isPositive();
    }

    @Test
    void rejectsADuplicateIdAcrossFilesNamingBoth() throws IOException {
        topic("a.yaml", topicYaml("a", concept("same", "")));
        topic("b.yaml", topicYaml("b", concept("same", "")));

        assertThatThrownBy(() -> loader.load(folder)).hasMessageContaining("b.yaml").hasMessageContaining("'same'")
                .hasMessageContaining("a.yaml");
    }

    @Test
    void rejectsADanglingPrerequisite() throws IOException {
        topic("a.yaml", topicYaml("a", concept("x", "nowhere")));

        assertThatThrownBy(() -> loader.load(folder)).hasMessageContaining("'x'").hasMessageContaining("nowhere");
    }

    @Test
    void rejectsACycle() throws IOException {
        topic("a.yaml", topicYaml("a", concept("start", "") + concept("x", "y") + concept("y", "x")));

        assertThatThrownBy(() -> loader.load(folder)).hasMessageContaining("cycle");
    }

    @Test
    void rejectsAnExplanationOverTheWordLimit() throws IOException {
        topic("a.yaml", topicYaml("a", "  - id: long\n    explain: " + "word ".repeat(151) + "\n    " + VALID_CHECK + "\n"));

        assertThatThrownBy(() -> loader.load(folder)).hasMessageContaining("'long'").hasMessageContaining("151 words");
    }

    @Test
    void rejectsAConceptWithoutACheck() throws IOException {
        topic("a.yaml", topicYaml("a", "  - id: bare\n    explain: x\n"));

        assertThatThrownBy(() -> loader.load(folder)).hasMessageContaining("'bare'").hasMessageContaining("no check");
    }

    @Test
    void rejectsACheckWithoutAnAnswer() throws IOException {
        topic("a.yaml", topicYaml("a", "  - id: q\n    explain: x\n    check: {kind: tradeoff, prompt: 'Which?'}\n"));

        assertThatThrownBy(() -> loader.load(folder)).hasMessageContaining("'q'").hasMessageContaining("no answer");
    }

    @Test
    void rejectsAMultipleChoiceAnswerThatIsNotAChoice() throws IOException {
        topic("a.yaml", topicYaml("a", concept("m", "") + "    quiz:\n      - {kind: multiple-choice, prompt: 'P?', "
                + "choices: [a, b], answer: c}\n"));

        assertThatThrownBy(() -> loader.load(folder)).hasMessageContaining("not one of the choices");
    }

    @Test
    void rejectsBrokenYamlWithTheFileAndLine() throws IOException {
        topic("bad.yaml", "id: x\nconcepts: [\n  - : :\n");

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(CurriculumException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("line");
    }

    @Test
    void rejectsAnUnknownKind() throws IOException {
        topic("a.yaml", topicYaml("a", "  - id: k\n    explain: x\n    check: {kind: essay, prompt: 'P?', answer: A}\n"));

        assertThatThrownBy(() -> loader.load(folder)).hasMessageContaining("'k'").hasMessageContaining("essay");
    }

    @Test
    void rejectsATopicWithoutAnyDiagram() throws IOException {
        topic("a.yaml", "id: a\ntitle: T\ntrack: python\nconcepts:\n" + concept("x", ""));

        assertThatThrownBy(() -> loader.load(folder)).hasMessageContaining("diagram");
    }
}
