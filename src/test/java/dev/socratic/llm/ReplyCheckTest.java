package dev.socratic.llm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyCheckTest {

    @Test
    void anOrdinaryReplyIsFine() {
        assertThat(ReplyCheck.problem("Where does the list live, do you think?")).isEmpty();
    }

    @Test
    void botchedRepliesAreNamed() {
        assertThat(ReplyCheck.problem(null)).contains("empty reply");
        assertThat(ReplyCheck.problem("   ")).contains("empty reply");
        assertThat(ReplyCheck.problem("Sure")).contains("too short a reply");
        assertThat(ReplyCheck.problem("<html><body>502 Bad Gateway</body></html>")).contains("garbage reply");
        assertThat(ReplyCheck.problem("{\"error\": \"overloaded\"}")).contains("garbage reply");
        assertThat(ReplyCheck.problem("%%%% #### 1234 5678 !!!! ????")).contains("garbage reply");
        assertThat(ReplyCheck.problem("caf\uFFFD au lait is nice")).contains("garbage reply");
        assertThat(ReplyCheck.problem("the ".repeat(50))).contains("garbage reply");
        assertThat(ReplyCheck.problem("word ".repeat(3_000))).contains("overlong reply");
    }
}
