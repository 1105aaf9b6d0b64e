package dev.socratic.tutor;

import dev.socratic.Fixtures;
import dev.socratic.MutableClock;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.tutor.DiagramRenderer.Drawn;
import dev.socratic.tutor.DiagramRenderer.Invalid;
import dev.socratic.tutor.Input.Command;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.LinkedImage;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Outbound.Photo;
import dev.socratic.tutor.Outbound.RenderedImage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the voice writes beyond words: snippets run before they are shown, diagrams drawn as pictures. */
class VoiceSnippetsAndDiagramsTest {

    private static final Curriculum CURRICULUM = Fixtures.voiceCurriculum();
    private static final AwaitingAnswer ON_THREADS = new AwaitingAnswer(Progress.EMPTY, "threads", 0);
    private static final String HINT_TAIL = "\nWhere does that list live?";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    private final ScriptedVoice voice = new ScriptedVoice();
    private final MutableClock clock = new MutableClock();
    private final Messages messages = Messages.load();

    /** Runs nothing: answers from a table, and remembers what it was asked to run. */
    private static final class TableRunner implements CodeRunner {
        final List<String> ran = new ArrayList<>();

        @Override
        public RunResult run(String code, String tests) {
            ran.add(code);
            if (code.contains("undefined_name")) {
                return new RunResult.Raised("", "NameError", "name 'undefined_name' is not defined", 1);
            }
            if (code.contains("{}[1]")) {
                return new RunResult.Raised("", "KeyError", "1", 1);
            }
            if (code.contains("def (")) {
                return new RunResult.InvalidSyntax(1, "invalid syntax", "def (");
            }
            return new RunResult.Passed(code.contains("print") ? "[1, 2]\n" : "", 0);
        }
    }

    /** Draws every source that has an arrow; says any other is invalid. */
    private static final class ArrowRenderer implements DiagramRenderer {
        final List<String> drawn = new ArrayList<>();

        @Override
        public Result render(String source) {
            drawn.add(source);
            return source.contains("-->") ? Drawn.png(PNG) : new Invalid("Parse error on line 2: expecting an arrow");
        }
    }

    private Tutor tutor(CodeRunner runner, DiagramRenderer renderer, Optional<String> links) {
        return new Tutor(CURRICULUM, new KeyPointGrader(), messages, Pictures.NONE, MapRenderer.NONE, runner, voice,
                clock, VoiceTimings.DEFAULT, renderer, links);
    }

    private static String text(Turn turn) {
        return String.join("\n---\n", turn.messages().stream().map(VoiceSnippetsAndDiagramsTest::plain).toList());
    }

    private static String plain(Outbound outbound) {
        return switch (outbound) {
            case Message message -> message.plainText();
            case Photo photo -> "[photo " + photo.image().fileName() + "]" + photo.caption().map(c -> " " + c.plainText()).orElse("");
        };
    }

    private List<TeachingRule> brokenRules(Turn turn) {
        return turn.events().stream().filter(e -> e.type() == Event.Type.GUARD_VIOLATION)
                .map(e -> TeachingRule.valueOf(e.detail().split(" ")[0])).toList();
    }

    @Nested
    class Snippets {

        private final TableRunner runner = new TableRunner();
        private final Tutor tutor = tutor(runner, DiagramRenderer.NONE, Optional.empty());

        @Test
        void aSnippetIsShownWithWhatItReallyPrints() {
            voice.says("Try it:\n```python\nitems = [1, 2]\nprint(items)\n```" + HINT_TAIL);

            var turn = tutor.handle(ON_THREADS, new Command("hint", ""));

            var message = (Message) turn.messages().getFirst();
            assertThat(message.blocks()).containsSubsequence(new Code("items = [1, 2]\nprint(items)"),
                    new Paragraph(messages.get("snippet.prints")), new Code("[1, 2]"));
            assertThat(runner.ran).containsExactly("items = [1, 2]\nprint(items)");
        }

        @Test
        void aSnippetThatIsNotSelfContainedIsRevised() {
            voice.says("Like this:\n```python\nundefined_name.append(1)\n```" + HINT_TAIL,
                    "Picture one list in memory." + HINT_TAIL);

            var turn = tutor.handle(ON_THREADS, new Command("hint", ""));

            assertThat(text(turn)).contains("Picture one list in memory.").doesNotContain("undefined_name");
            assertThat(brokenRules(turn)).containsExactly(TeachingRule.SNIPPET_RUNS);
            assertThat(voice.requests.get(1).revision().orElseThrow().violations().getFirst().detail())
                    .contains("NameError");
        }

        @Test
        void invalidPythonNeverReachesTheLearner() {
            voice.says("```python\ndef (x):\n```" + HINT_TAIL, "```python\ndef (y):\n```" + HINT_TAIL);

            var turn = tutor.handle(ON_THREADS, new Command("hint", ""));

            assertThat(text(turn)).doesNotContain("def (").contains("Hint 1 of 2: " + CURRICULUM.require("threads")
                    .check().hints().getFirst());
        }

        @Test
        void aSnippetIntroducedWithWordsLikeShowsIsStillASnippet() {
            voice.says("This shows the idea:\n```python\nitems = [1, 2]\nprint(items)\n```" + HINT_TAIL);

            var turn = tutor.handle(ON_THREADS, new Command("hint", ""));

            assertThat(brokenRules(turn)).isEmpty();
            assertThat(text(turn)).contains("This shows the idea:", messages.get("snippet.prints"), "[1, 2]");
        }

        @Test
        void anExceptionIsARealOutcomeAndIsShownAsSuch() {
            voice.says("What happens here?\n```python\n{}[1]\n```" + HINT_TAIL);

            var turn = tutor.handle(ON_THREADS, new Command("hint", ""));

            assertThat(text(turn)).contains(messages.get("snippet.raises", "KeyError: 1"));
        }

        @Test
        void anOutputTheVoiceClaimsItselfIsRefused() {
            voice.says("```python\nprint([1, 2])\n```\nIt prints:\n```python\n[1, 3]\n```" + HINT_TAIL,
                    "```python\nprint([1, 2])  # prints [1, 3]\n```" + HINT_TAIL,
                    "```python\n>>> [1, 2]\n[1, 2]\n```" + HINT_TAIL);

            var first = tutor.handle(ON_THREADS, new Command("hint", ""));
            var second = tutor.handle(ON_THREADS, new Command("hint", ""));

            assertThat(text(first)).doesNotContain("[1, 3]");
            assertThat(brokenRules(first)).containsExactly(TeachingRule.SNIPPET_RUNS, TeachingRule.SNIPPET_RUNS);
            assertThat(text(second)).doesNotContain(">>>");
            assertThat(brokenRules(second)).contains(TeachingRule.SNIPPET_RUNS);
        }

        @Test
        void theQuestionsOwnCodeAndGoCodeAreNotRunAsNewSnippets() {
            voice.says("In Go you would write:\n```\nch := make(chan int)\ngo func() { ch <- 1 }()\n```" + HINT_TAIL);

            var turn = tutor.handle(ON_THREADS, new Command("hint", ""));

            assertThat(text(turn)).contains("ch := make(chan int)").doesNotContain(messages.get("snippet.prints"));
            assertThat(runner.ran).isEmpty();
        }

        @Test
        void aTutorWithoutASandboxShowsCodeAsWritten() {
            var plain = new Tutor(CURRICULUM, new KeyPointGrader(), messages, voice, clock, VoiceTimings.DEFAULT);
            voice.says("```python\nprint([1, 2])\n```" + HINT_TAIL);

            assertThat(text(plain.handle(ON_THREADS, new Command("hint", ""))))
                    .contains("print([1, 2])").doesNotContain(messages.get("snippet.prints"));
        }
    }

    @Nested
    class Diagrams {

        private static final String DIAGRAM = "Both threads point at one list:\n```mermaid\ngraph LR\n  T1[Thread 1] --> L[list]\n"
                + "  T2[Thread 2] --> L\n```" + HINT_TAIL;

        @Test
        void aDiagramDrawnOnTheHostArrivesAsAPictureCaptionedByTheReply() {
            var renderer = new ArrowRenderer();
            var tutor = tutor(CodeRunner.NONE, renderer, Optional.empty());
            voice.says(DIAGRAM);

            var turn = tutor.handle(ON_THREADS, new Command("hint", ""));

            var photo = (Photo) turn.messages().getFirst();
            assertThat(turn.messages()).hasSize(1);
            assertThat(photo.image()).isEqualTo(new RenderedImage("diagram.png", PNG));
            assertThat(photo.caption().orElseThrow().plainText()).contains("Both threads point at one list:")
                    .doesNotContain("graph LR", "-->");
            assertThat(renderer.drawn).as("drawn once: the guard's drawing is reused").hasSize(1);
            assertThat(voice.requests.getFirst().pictures()).isTrue();
        }

        @Test
        void aDiagramMermaidCannotParseIsRevisedAway() {
            var tutor = tutor(CodeRunner.NONE, new ArrowRenderer(), Optional.empty());
            voice.says("```mermaid\ngraph LR\n  A B C\n```" + HINT_TAIL, "Think of one shared list." + HINT_TAIL);

            var turn = tutor.handle(ON_THREADS, new Command("hint", ""));

            assertThat(turn.messages()).allMatch(Message.class::isInstance);
            assertThat(text(turn)).contains("Think of one shared list.").doesNotContain("graph LR");
            assertThat(voice.requests.get(1).revision().orElseThrow().violations().getFirst().detail())
                    .contains("Parse error on line 2");
        }

        @Test
        void withoutARendererTheOperatorsLinkOptionSendsAPublicRenderersImage() {
            var tutor = tutor(CodeRunner.NONE, DiagramRenderer.NONE, Optional.of("https://mermaid.ink/img/"));
            voice.says(DIAGRAM);

            var photo = (Photo) tutor.handle(ON_THREADS, new Command("hint", "")).messages().getFirst();

            var source = "graph LR\n  T1[Thread 1] --> L[list]\n  T2[Thread 2] --> L";
            assertThat(photo.image()).isEqualTo(new LinkedImage("https://mermaid.ink/img/"
                    + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(source.getBytes())));
        }

        @Test
        void aLinkedDiagramStillHasToHaveTheShapeOfOne() {
            var tutor = tutor(CodeRunner.NONE, DiagramRenderer.NONE, Optional.of("https://mermaid.ink/img/"));
            voice.says("```mermaid\ngraph LR\n  A[open --> B\n```" + HINT_TAIL,
                    "```mermaid\ngraph LR\n  click A callback\n```" + HINT_TAIL);

            var turn = tutor.handle(ON_THREADS, new Command("hint", ""));

            assertThat(turn.messages()).allMatch(Message.class::isInstance);
            assertThat(text(turn)).doesNotContain("graph LR", "click");
            assertThat(brokenRules(turn)).containsExactly(TeachingRule.NO_DIAGRAM_SOURCE, TeachingRule.NO_DIAGRAM_SOURCE);
        }

        @Test
        void withNoWayToDrawItTheVoiceIsNotOfferedDiagramsAndOneIsRefused() {
            var tutor = tutor(CodeRunner.NONE, DiagramRenderer.NONE, Optional.empty());
            voice.says(DIAGRAM, "Think of one shared list." + HINT_TAIL);

            var turn = tutor.handle(ON_THREADS, new Command("hint", ""));

            assertThat(voice.requests.getFirst().pictures()).isFalse();
            assertThat(brokenRules(turn)).containsExactly(TeachingRule.NO_DIAGRAM_SOURCE);
            assertThat(text(turn)).doesNotContain("graph LR");
        }

        @Test
        void teachingComesWithTheCurriculumsPictureSoTheVoiceDrawsNoneThere() {
            var tutor = tutor(CodeRunner.NONE, new ArrowRenderer(), Optional.empty());
            voice.says(DIAGRAM.replace(HINT_TAIL, ""), "A thread is one path of execution in a process.");

            var turn = tutor.handle(new LearnerState.NotStarted(), new Command("start", ""));

            assertThat(voice.requests.getFirst().pictures()).isFalse();
            assertThat(brokenRules(turn)).containsExactly(TeachingRule.NO_DIAGRAM_SOURCE);
            assertThat(turn.messages()).noneMatch(Photo.class::isInstance);
        }

        @Test
        void oneDiagramPerReply() {
            var tutor = tutor(CodeRunner.NONE, new ArrowRenderer(), Optional.empty());
            voice.says("```mermaid\ngraph LR\n A --> B\n```\n```mermaid\ngraph LR\n C --> D\n```" + HINT_TAIL,
                    "Think of one shared list." + HINT_TAIL);

            assertThat(brokenRules(tutor.handle(ON_THREADS, new Command("hint", ""))))
                    .containsExactly(TeachingRule.NO_DIAGRAM_SOURCE);
        }
    }
}
