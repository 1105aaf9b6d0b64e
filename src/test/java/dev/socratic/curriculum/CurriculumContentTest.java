package dev.socratic.curriculum;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

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
