package dev.socratic.tutor;

import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.Paragraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DraftBlocksTest {

    @Test
    void fencedCodeBecomesACodeBlockBetweenParagraphs() {
        var blocks = DraftBlocks.parse("Look:\n```python\nx = 1\nprint(x)\n```\nWhat prints?");

        assertThat(blocks).containsExactly(new Paragraph("Look:"), new Code("x = 1\nprint(x)"), new Paragraph("What prints?"));
    }

    @Test
    void twoOrMoreUnfencedCodeLinesAreCodeButOneIsProse() {
        assertThat(DraftBlocks.parse("See\nimport threading\nlock = threading.Lock()\nok?"))
                .containsExactly(new Paragraph("See"), new Code("import threading\nlock = threading.Lock()"),
                        new Paragraph("ok?"));
        assertThat(DraftBlocks.parse("x = 1 means x is bound.")).containsExactly(new Paragraph("x = 1 means x is bound."));
    }

    @Test
    void markdownEmphasisAndHeadingsAreDroppedAndBlankLinesSplitParagraphs() {
        assertThat(DraftBlocks.parse("## Idea\nThreads **share** memory.\n\nWhy?"))
                .containsExactly(new Paragraph("Idea\nThreads share memory."), new Paragraph("Why?"));
    }

    @Test
    void proseWordsLeaveCodeOut() {
        assertThat(DraftBlocks.proseWords(DraftBlocks.parse("One two three\n```\na b c d e f\n```"))).isEqualTo(3);
    }
}
