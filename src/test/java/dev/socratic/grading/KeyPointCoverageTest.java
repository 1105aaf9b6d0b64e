package dev.socratic.grading;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyPointCoverageTest {

    private static List<String> clauseTexts(String answer) {
        return KeyPointCoverage.clauses(answer).stream().map(span -> answer.substring(span.start(), span.end())).toList();
    }

    @Test
    void splitsAnAnswerIntoItsClauses() {
        assertThat(clauseTexts("Threads share memory.  Processes do not - each has its own copy;\nthey send data, but slowly."))
                .containsExactly("Threads share memory.", "Processes do not", "each has its own copy;", "they send data",
                        "but slowly.");
    }

    @Test
    void findsNoClausesInAOneClauseAnswer() {
        assertThat(KeyPointCoverage.clauses("Threads share the memory of their process.")).isEmpty();
        assertThat(KeyPointCoverage.clauses("Threads share memory. ... ?")).isEmpty();
    }

    @Test
    void readsEachClauseFromTheWholeAnswersModelRun() {
        var answer = "🤔 Threads share memory. Processes each get their own copy of the list.";
        var clauses = KeyPointCoverage.clauses(answer);

        var reading = SentenceEncoder.shared().read(answer, clauses);

        assertThat(reading.parts()).hasSize(2);
        for (int i = 0; i < clauses.size(); i++) {
            var alone = SentenceEncoder.shared().encode(answer.substring(clauses.get(i).start(), clauses.get(i).end()));
            var inContext = reading.parts().get(i);
            assertThat(inContext.pieces().length).isEqualTo(alone.pieces().length);
            assertThat(inContext.cosine(alone)).isGreaterThan(0.7);
        }
        assertThat(reading.whole().cosine(SentenceEncoder.shared().encode(answer))).isGreaterThan(0.9999);
    }
}
