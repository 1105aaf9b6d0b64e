package dev.socratic.tutor;

import dev.socratic.Fixtures;
import dev.socratic.curriculum.Concept;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.render.CurriculumPictures;
import dev.socratic.tutor.Input.Command;
import dev.socratic.tutor.Input.Text;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.CurriculumImage;
import dev.socratic.tutor.Outbound.Heading;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Outbound.Photo;
import dev.socratic.tutor.Outbound.RenderedImage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TutorPicturesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private final Curriculum curriculum = Fixtures.curriculum();
    private final Pictures pictures = CurriculumPictures.inFolder(curriculum, Fixtures.CURRICULUM_DIR);
    private final List<KnowledgeMap> drawn = new ArrayList<>();
    private final MapRenderer renderer = map -> {
        drawn.add(map);
        return Optional.of(PNG);
    };
    private final Tutor tutor = new Tutor(curriculum, new KeyPointGrader(), Messages.load(), pictures, renderer);

    /** The contract: the message carrying the explanation ends with the question, code before it, pictures before it. */
    private static void assertTeaches(List<Outbound> messages, Concept concept) {
        int carrier = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (message(messages.get(i)).plainText().contains(concept.explain())) {
                carrier = i;
            }
        }
        assertThat(carrier).as("a message carries the explanation").isNotNegative();
        var blocks = message(messages.get(carrier)).blocks();
        assertThat(blocks.getLast()).isEqualTo(new Paragraph(concept.check().prompt()));
        if (concept.check().hasCode()) {
            assertThat(blocks.get(blocks.size() - 2)).isEqualTo(new Code(concept.check().code()));
        }
        for (int i = carrier + 1; i < messages.size(); i++) {
            assertThat(messages.get(i)).as("nothing illustrates the concept after its question").isNotInstanceOf(Photo.class);
        }
    }

    private static Message message(Outbound outbound) {
        return switch (outbound) {
            case Message message -> message;
            case Photo photo -> photo.caption().orElse(new Message(List.of(new Paragraph("")), List.of()));
        };
    }

    @Nested
    class AskingForAPicture {

        private final AwaitingAnswer onThreads = new AwaitingAnswer(Progress.EMPTY, "threads", 0);

        @Test
        void getsTheConceptsPictureOrElseItsTopicsWithTheQuestionAgainAndNoHintUsed() {
            var pools = new AwaitingAnswer(new Progress(List.of("threads", "locks"), Set.of()), "pools", 0);

            var own = tutor.handle(pools, new Text("Can you draw it?"));
            var topics = tutor.handle(onThreads, new Text("diagram please"));

            assertThat(own.state()).isEqualTo(pools);
            assertThat(((Photo) own.messages().getFirst()).image()).isEqualTo(new CurriculumImage("concepts/pools"));
            assertThat(((Photo) topics.messages().getFirst()).image()).isEqualTo(new CurriculumImage("topics/basics"));
            assertThat(message(topics.messages().getLast()).blocks().getLast())
                    .isEqualTo(new Paragraph(curriculum.require("threads").check().prompt()));
            assertThat(topics.state()).isEqualTo(onThreads);
            assertThat(topics.events()).containsExactly(new Event(Event.Type.LEARNER_QUESTION, "threads", "picture"));
        }

        @Test
        void withoutAPictureItIsAnAnswerLikeAnyOtherText() {
            var plain = new Tutor(curriculum, new KeyPointGrader(), Messages.load());

            var turn = plain.handle(onThreads, new Text("is there a picture of this?"));

            assertThat(turn.events()).extracting(Event::type).contains(Event.Type.ANSWER_GRADED, Event.Type.HINT_GIVEN);
        }

        @Test
        void anAnswerThatMentionsADiagramIsStillAnAnswer() {
            assertThat(LearnerQuestions.asksForPicture("the diagram shows both threads reach one list")).isFalse();
            assertThat(LearnerQuestions.asksForPicture("show me a picture")).isTrue();
            assertThat(LearnerQuestions.asksForPicture("draw it")).isTrue();
            assertThat(LearnerQuestions.asksForPicture("can you explain it again?")).isFalse();
            assertThat(LearnerQuestions.asksForPicture("please draw " + "the whole thing with every detail ".repeat(3)))
                    .as("a long message is an answer").isFalse();

            var turn = tutor.handle(onThreads, new Text("the diagram shows both threads reach one list"));

            assertThat(turn.events()).extracting(Event::type).contains(Event.Type.ANSWER_GRADED);
        }
    }

    @Nested
    class TeachingWithPictures {

        @Test
        void enteringATopicShowsItsPictureBeforeTheFirstConcept() {
            var turn = tutor.handle(new NotStarted(), new Command("start", ""));

            assertThat(turn.messages()).hasSize(3);
            assertThat(turn.messages().get(1)).isInstanceOfSatisfying(Photo.class, photo -> {
                assertThat(photo.image()).isEqualTo(new CurriculumImage("topics/basics"));
                assertThat(photo.caption().orElseThrow().plainText()).contains("Basics");
            });
            assertThat(turn.messages().getLast()).isInstanceOf(Message.class);
            assertTeaches(turn.messages(), curriculum.require("threads"));
        }

        @Test
        void aConceptsOwnPictureCarriesAShortExplanationAsItsCaption() {
            var basicsDone = new Progress(List.of("threads", "locks"), Set.of());

            var turn = tutor.handle(new ReadyToAdvance(basicsDone, "locks"), new Command("next", ""));

            var pools = curriculum.require("pools");
            assertThat(turn.messages()).singleElement().isInstanceOfSatisfying(Photo.class, photo -> {
                assertThat(photo.image()).isEqualTo(new CurriculumImage("concepts/pools"));
                // Pooling has no big picture of its own, so a line announces the new topic
                assertThat(photo.caption().orElseThrow().blocks().subList(0, 2)).containsExactly(
                        new Paragraph("New topic: Pooling."), new Heading(pools.title()));
            });
            assertTeaches(turn.messages(), pools);
        }

        @Test
        void aTopicAlreadyStartedIsNotShownAgain() {
            var threadsDone = new Progress(List.of("threads"), Set.of());

            var turn = tutor.handle(new ReadyToAdvance(threadsDone, "threads"), new Command("next", ""));

            assertThat(turn.messages()).noneMatch(Photo.class::isInstance);
            assertTeaches(turn.messages(), curriculum.require("locks"));
        }

        @Test
        void aReturningLearnerSeesThePictureAgainWithTheOpenQuestion() {
            var turn = tutor.handle(new AwaitingAnswer(Progress.EMPTY, "threads", 0), new Command("start", ""));

            assertThat(turn.messages()).filteredOn(Photo.class::isInstance).hasSize(1);
            assertTeaches(turn.messages(), curriculum.require("threads"));
        }

        @Test
        void withoutAPictureTheConceptIsTaughtInWords() {
            var plain = new Tutor(curriculum, new KeyPointGrader(), Messages.load());

            var turn = plain.handle(new ReadyToAdvance(new Progress(List.of("threads", "locks"), Set.of()), "locks"),
                    new Command("next", ""));

            assertThat(turn.messages()).singleElement().isInstanceOf(Message.class);
            assertTeaches(turn.messages(), curriculum.require("pools"));
        }

        @Test
        void aMessageTooLongForACaptionFollowsThePictureOnItsOwn() {
            var image = new CurriculumImage("concepts/pools");
            var longText = String.join(" ", Collections.nCopies(120, "connections"));
            var teaching = new Message(List.of(new Heading("Pools"), new Paragraph(longText), new Paragraph("Why?")), List.of());

            var out = Illustrator.attach(image, teaching);

            assertThat(teaching.plainText().length()).isGreaterThan(Photo.MAX_CAPTION);
            assertThat(out).containsExactly(Photo.uncaptioned(image), teaching);
        }
    }

    @Nested
    class TheMap {

        @Test
        void mapDrawsTheTopicsAndAsksTheOpenQuestionInTheCaption() {
            var awaiting = new AwaitingAnswer(Progress.EMPTY, "threads", 0);

            var turn = tutor.handle(awaiting, new Command("map", ""));

            assertThat(turn.state()).isEqualTo(awaiting);
            assertThat(drawn).singleElement().satisfies(map ->
                    assertThat(map.nodes()).extracting(KnowledgeMap.Node::id).containsExactly("basics", "pooling"));
            assertThat(turn.messages()).singleElement().isInstanceOfSatisfying(Photo.class, photo -> {
                assertThat(photo.image()).isEqualTo(new RenderedImage("map.png", PNG));
                assertThat(photo.caption().orElseThrow().plainText()).contains("/map basics")
                        .endsWith(curriculum.require("threads").check().prompt());
            });
        }

        @Test
        void mapWithATopicDrawsThatTopicsConcepts() {
            var turn = tutor.handle(new AwaitingAnswer(Progress.EMPTY, "threads", 0), new Command("map", "Basics"));

            assertThat(drawn).singleElement().satisfies(map -> {
                assertThat(map.title()).isEqualTo("Basics");
                assertThat(map.nodes()).extracting(KnowledgeMap.Node::id).containsExactly("threads", "locks");
            });
            assertThat(turn.messages()).singleElement().isInstanceOf(Photo.class);
        }

        @Test
        void anUnknownTopicIsNamedAndTheTopicsListed() {
            var turn = tutor.handle(new AwaitingAnswer(Progress.EMPTY, "threads", 0), new Command("map", "kafka"));

            assertThat(drawn).isEmpty();
            assertThat(turn.messages()).singleElement().isInstanceOfSatisfying(Message.class, message ->
                    assertThat(message.plainText()).contains("kafka", "basics, pooling")
                            .endsWith(curriculum.require("threads").check().prompt()));
        }

        @Test
        void whenTheMapCannotBeDrawnItIsSentAsText() {
            var failing = new Tutor(curriculum, new KeyPointGrader(), Messages.load(), pictures, map -> {
                throw new IllegalStateException("no fonts");
            });
            var state = new AwaitingAnswer(new Progress(List.of("threads"), Set.of("threads")), "locks", 0);

            var turn = failing.handle(state, new Command("map", "basics"));

            assertThat(turn.messages()).singleElement().isInstanceOfSatisfying(Message.class, message ->
                    assertThat(message.plainText()).contains("🔁 Threads", "👉 Locks").endsWith("What does this print?"));
        }

        @Test
        void mapIsInTheMenuAndTheHelp() {
            assertThat(Commands.MENU).contains("map");
            var help = tutor.handle(new NotStarted(), new Command("help", ""));
            assertThat(((Message) help.messages().getFirst()).plainText()).contains("/map");
        }

        @Test
        void aLongOpenQuestionFollowsTheMapInsteadOfOverflowingTheCaption() {
            var longPrompt = "Why? " + "x".repeat(Photo.MAX_CAPTION);
            var withPending = (java.util.function.Function<String, Message>) text -> new Message(
                    List.of(new Paragraph(text), new Paragraph(longPrompt)), List.of());
            var reply = new MapReply(new KnowledgeMaps(curriculum, Messages.load()), renderer, Messages.load(),
                    curriculum.topics());

            var out = reply.answer(new NotStarted(), "", Set.of(), withPending);

            assertThat(out).hasSize(2);
            assertThat(out.getFirst()).isInstanceOfSatisfying(Photo.class, photo ->
                    assertThat(photo.caption().orElseThrow().plainText().length()).isLessThanOrEqualTo(Photo.MAX_CAPTION));
            assertThat(((Message) out.getLast()).plainText()).endsWith(longPrompt);
        }
    }

    @Test
    void theTextAfterAnAnswerNeverCarriesAPicture() {
        var turn = tutor.handle(new AwaitingAnswer(Progress.EMPTY, "threads", 0),
                new Text(curriculum.require("threads").check().answer()));

        assertThat(turn.messages()).noneMatch(Photo.class::isInstance);
    }
}
