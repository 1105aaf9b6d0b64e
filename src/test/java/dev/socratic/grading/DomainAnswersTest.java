package dev.socratic.grading;

import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.tutor.Verdict.Grade;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-labelled set the benchmark measures the grader on stays usable. */
class DomainAnswersTest {

    private static final java.util.List<DomainAgreement.LabelledAnswer> ROWS = DomainAgreement.read(GraderBenchmark.DOMAIN_ANSWERS);

    @Test
    void holdsAtLeast150LabelledAnswersOfEveryGrade() {
        assertThat(ROWS).hasSizeGreaterThanOrEqualTo(150);
        assertThat(ROWS).extracting(DomainAgreement.LabelledAnswer::expectedGrade).containsAll(Arrays.asList(Grade.values()));
        assertThat(ROWS).extracting(DomainAgreement.LabelledAnswer::category)
                .contains("paraphrase", "partial", "wrong", "off-topic", "no-idea", "steering");
    }

    @Test
    void namesOnlyConceptsOfTheShippedCurriculum() {
        var curriculum = new CurriculumLoader().load(Path.of("curriculum"));

        assertThat(ROWS).allSatisfy(row -> assertThat(curriculum.concept(row.concept()))
                .as("concept '%s' of a labelled answer", row.concept()).isPresent());
    }
}
