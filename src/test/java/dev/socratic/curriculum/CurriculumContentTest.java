package dev.socratic.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped curriculum: valid, and every runnable claim in it checked by running it on Python 3.12. */
class CurriculumContentTest {

    private static final Curriculum CURRICULUM = new CurriculumLoader().load(Path.of(System.getProperty("curriculum.dir", "curriculum")));
    private static PythonRunner python;

    @BeforeAll
    static void startPython() {
        python = new PythonRunner();
    }

    @AfterAll
    static void stopPython() {
        python.close();
    }

    private record Item(String name, Question question) {
    }

    private static List<Item> items(CheckKind kind) {
        var items = new ArrayList<Item>();
        for (var concept : CURRICULUM.concepts()) {
            if (concept.check().kind() == kind) {
                items.add(new Item(concept.id() + " check", concept.check()));
            }
            for (int i = 0; i < concept.quiz().size(); i++) {
                if (concept.quiz().get(i).kind() == kind) {
                    items.add(new Item(concept.id() + " quiz " + (i + 1), concept.quiz().get(i)));
                }
            }
        }
        return items;
    }

    @Test
    void everyConceptIsReachableFromAStartConcept() {
        assertThat(CURRICULUM.concept("threads-vs-processes")).get().extracting(Concept::requires).asList().isEmpty();
        assertThat(CURRICULUM.size()).isGreaterThanOrEqualTo(8);
    }

    @TestFactory
    Stream<DynamicTest> everyPredictOutputAnswerIsWhatTheCodePrints() {
        return items(CheckKind.PREDICT_OUTPUT).stream()
                .filter(item -> item.question().requiresPackages().isEmpty())
                .map(item -> DynamicTest.dynamicTest(item.name(), () -> {
                    var run = python.run(item.question().code());
                    assertThat(run.error()).as("%s raised", item.name()).isNull();
                    assertThat(run.stdout().stripTrailing()).as(item.name()).isEqualTo(item.question().answer());
                }));
    }

    @Test
    void theCheckerItselfTellsWrongOutputAndBrokenCodeApart() {
        assertThat(python.run("print(1 + 1)").stdout()).isEqualTo("2\n");
        assertThat(python.run("raise ValueError('x')").error()).contains("ValueError");
        assertThat(python.syntaxError("def broken(:\n    pass")).isNotNull();
        assertThat(python.syntaxError("type Point = tuple[int, int]")).as("3.12 syntax").isNull();
    }

    /** Code shown to the learner (a bug to spot, a snippet to reason about) is at least real Python 3.12. */
    @TestFactory
    Stream<DynamicTest> everyCodeBlockIsValidPython() {
        return Stream.of(CheckKind.values()).flatMap(kind -> items(kind).stream())
                .filter(item -> item.question().hasCode())
                .map(item -> DynamicTest.dynamicTest(item.name(), () -> {
                    assertThat(python.syntaxError(item.question().code())).as("%s does not compile", item.name()).isNull();
                }));
    }

    /**
     * Every spot-the-bug item shows its bug for real: its {@code bug_demo} runs after its code and
     * asserts the misbehaviour the answer describes. Only items that need a package or a server say
     * {@code not_runnable} instead. These fields are for this check; the tutor ignores them.
     */
    @TestFactory
    Stream<DynamicTest> everySpotTheBugItemReallyMisbehaves() throws IOException {
        var demos = new ArrayList<DynamicTest>();
        var yaml = new ObjectMapper(new YAMLFactory());
        try (var files = Files.walk(Path.of(System.getProperty("curriculum.dir", "curriculum")))) {
            for (var file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (var concept : yaml.readTree(file.toFile()).path("concepts")) {
                    var questions = new ArrayList<JsonNode>();
                    questions.add(concept.path("check"));
                    concept.path("quiz").forEach(questions::add);
                    for (int i = 0; i < questions.size(); i++) {
                        var question = questions.get(i);
                        if (!"spot-the-bug".equals(question.path("kind").asText())) {
                            continue;
                        }
                        var name = concept.path("id").asText() + (i == 0 ? " check" : " quiz " + i);
                        demos.add(DynamicTest.dynamicTest(name, () -> {
                            if (question.hasNonNull("not_runnable")) {
                                assertThat(question.path("not_runnable").asText()).as(name).isNotBlank();
                                return;
                            }
                            assertThat(question.hasNonNull("bug_demo")).as("%s has no bug_demo", name).isTrue();
                            var run = python.run(question.path("code").asText() + "\n" + question.path("bug_demo").asText());
                            assertThat(run.error()).as("%s: the bug did not show", name).isNull();
                        }));
                    }
                }
            }
        }
        return demos.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyWriteCodeModelSolutionPassesItsTests() {
        return items(CheckKind.WRITE_CODE).stream()
                .filter(item -> item.question().requiresPackages().isEmpty())
                .map(item -> DynamicTest.dynamicTest(item.name(), () -> {
                    var run = python.run(item.question().answer() + "\n\n" + item.question().tests());
                    assertThat(run.error()).as("%s: %s", item.name(), run.stdout()).isNull();
                }));
    }
}
