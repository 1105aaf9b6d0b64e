package dev.socratic.grading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubmittedCodeTest {

    @Test
    void plainCodeIsTakenAsItIs() {
        assertThat(SubmittedCode.of("def f():\n    return 1\n")).isEqualTo("def f():\n    return 1");
    }

    @Test
    void aFencedBlockLosesItsFencesAndLanguageTag() {
        assertThat(SubmittedCode.of("```python\ndef f():\n    return 1\n```")).isEqualTo("def f():\n    return 1");
        assertThat(SubmittedCode.of("```\nx = 1\n```")).isEqualTo("x = 1");
    }

    @Test
    void wordsAroundTheFencesAreLeftOut() {
        var message = "Here is my try:\n```py\nx = 1\n```\nand the helper:\n```\ny = 2\n```\nthanks!";

        assertThat(SubmittedCode.of(message)).isEqualTo("x = 1\n\ny = 2");
    }

    @Test
    void aPhonesCurlyQuotesAndNonBreakingSpacesBecomePython() {
        assertThat(SubmittedCode.of("if x:\n\u00A0\u00A0\u00A0\u00A0print(\u201Chi\u201D, \u2018there\u2019)"))
                .isEqualTo("if x:\n    print(\"hi\", 'there')");
    }
}
