package dev.socratic.tutor;

import dev.socratic.Fixtures;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.curriculum.CurriculumLoader;
import dev.socratic.tutor.KnowledgeMap.Edge;
import dev.socratic.tutor.KnowledgeMap.State;
import dev.socratic.tutor.LearnerState.AwaitingAnswer;
import dev.socratic.tutor.LearnerState.Finished;
import dev.socratic.tutor.LearnerState.NotStarted;
import dev.socratic.tutor.LearnerState.ReadyToAdvance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeMapsTest {

    private final Curriculum curriculum = Fixtures.curriculum();
    private final KnowledgeMaps maps = new KnowledgeMaps(curriculum, Messages.load());

    private static Map<String, State> states(KnowledgeMap map) {
        return map.nodes().stream().collect(Collectors.toMap(KnowledgeMap.Node::id, KnowledgeMap.Node::state));
    }

    private Map<String, State> basics(LearnerState state) {
        return states(maps.topic(state, curriculum.topics().getFirst()));
    }

    @Test
    void aNewLearnerCanStartWhatHasNoPrerequisitesAndTheRestIsLocked() {
        assertThat(basics(new NotStarted())).containsExactlyInAnyOrderEntriesOf(
                Map.of("threads", State.AVAILABLE, "locks", State.LOCKED));
        assertThat(states(maps.overview(new NotStarted()))).containsExactlyInAnyOrderEntriesOf(
                Map.of("basics", State.AVAILABLE, "pooling", State.AVAILABLE));
    }

    @Test
    void theConceptBeingLearnedIsCurrentAndSoIsItsTopic() {
        var state = new AwaitingAnswer(Progress.EMPTY, "threads", 1);

        assertThat(basics(state)).containsEntry("threads", State.CURRENT).containsEntry("locks", State.LOCKED);
        assertThat(states(maps.overview(state))).containsEntry("basics", State.CURRENT);
    }

    @Test
    void aRevealedAnswerIsDueForReviewAndUnlocksWhatFollows() {
        var state = new AwaitingAnswer(new Progress(List.of("threads"), Set.of("threads")), "pools", 0);

        assertThat(basics(state)).containsEntry("threads", State.REVIEW).containsEntry("locks", State.AVAILABLE);
        var overview = states(maps.overview(state));
        assertThat(overview).containsEntry("pooling", State.CURRENT).containsEntry("basics", State.REVIEW);
    }

    @Test
    void aTopicWhoseConceptsAreAllPassedIsDone() {
        var state = new ReadyToAdvance(new Progress(List.of("threads", "locks", "pools"), Set.of()), "pools");

        assertThat(basics(state)).containsOnly(Map.entry("threads", State.DONE), Map.entry("locks", State.DONE));
        assertThat(states(maps.overview(state))).containsEntry("basics", State.DONE).containsEntry("pooling", State.CURRENT);
        assertThat(states(maps.overview(new Finished(state.progress())))).containsOnly(
                Map.entry("basics", State.DONE), Map.entry("pooling", State.DONE));
    }

    @Test
    void theOverviewCountsWhatIsCoveredPerTopic() {
        var map = maps.overview(new ReadyToAdvance(new Progress(List.of("threads"), Set.of()), "threads"));

        assertThat(map.node("basics").detail()).isEqualTo("1/2");
        assertThat(map.node("pooling").detail()).isEqualTo("0/1");
        assertThat(map.title()).contains("1 of 3");
        assertThat(map.legend()).containsKeys(State.values());
    }

    @Test
    void topicsAreFoundByIdOrTitleIgnoringCase() {
        assertThat(maps.findTopic("POOLING")).map(t -> t.id()).contains("pooling");
        assertThat(maps.findTopic(" basics ")).map(t -> t.id()).contains("basics");
        assertThat(maps.findTopic("queues")).isEmpty();
    }

    @Test
    void arrowsFollowPrerequisitesAcrossTopicsWithoutShortcuts(@TempDir Path folder) throws IOException {
        var three = threeTopics(folder);
        var threeMaps = new KnowledgeMaps(three, Messages.load());

        var overview = threeMaps.overview(new NotStarted());
        var topicC = threeMaps.topic(new NotStarted(), three.topics().get(2));

        // c1 needs a1 and b1, b1 needs a1: the arrow a→c says nothing a→b→c does not
        assertThat(overview.edges()).containsExactly(new Edge("a", "b"), new Edge("b", "c"));
        assertThat(topicC.nodes()).extracting(KnowledgeMap.Node::id).containsExactly("c1", "a1", "b1");
        assertThat(topicC.node("a1").outside()).isTrue();
        assertThat(topicC.node("a1").detail()).isEqualTo("Topic a");
        assertThat(topicC.edges()).containsExactlyInAnyOrder(new Edge("a1", "c1"), new Edge("b1", "c1"));
    }

    @Test
    void droppingShortcutsKeepsEveryNodeReachableEvenInACircle() {
        var edges = new LinkedHashSet<>(List.of(new Edge("a", "b"), new Edge("b", "a"), new Edge("a", "c"),
                new Edge("b", "c")));

        var kept = KnowledgeMaps.withoutShortcuts(edges);

        assertThat(kept).contains(new Edge("a", "b"), new Edge("b", "a"));
        assertThat(kept).anyMatch(edge -> edge.to().equals("c"));
    }

    private static Curriculum threeTopics(Path folder) throws IOException {
        topic(folder, "a", "a1", "[]");
        topic(folder, "b", "b1", "[a1]");
        topic(folder, "c", "c1", "[a1, b1]");
        return new CurriculumLoader().load(folder);
    }

    private static void topic(Path folder, String id, String concept, String requires) throws IOException {
        Files.writeString(folder.resolve(id + ".yaml"), """
                id: %s
                title: Topic %s
                track: python
                diagram: graph LR; X --> Y
                concepts:
                  - id: %s
                    requires: %s
                    explain: An idea.
                    check:
                      kind: explain-back
                      prompt: Why?
                      answer: Because.
                """.formatted(id, id, concept, requires));
    }
}
