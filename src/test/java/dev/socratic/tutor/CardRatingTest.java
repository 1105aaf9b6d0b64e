package dev.socratic.tutor;

import dev.socratic.review.Rating;
import dev.socratic.tutor.Event.Type;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A passed or revealed check gives its concept a card; a correct answer credits what it builds on. */
class CardRatingTest {

    private final Learner learner = new Learner();

    @Test
    void aCheckPassedAtOnceStartsTheCardAtGood() {
        learner.say("/start");

        var turn = learner.say(learner.answerOf("threads"));

        assertThat(learner.recall.deck().card("threads")).contains(learner.fsrs.first(Rating.GOOD, Learner.START));
        assertThat(turn.events()).contains(new Event(Type.CARD_RATED, "threads", "GOOD"));
    }

    @Test
    void aCheckPassedAfterAHintStartsTheCardAtHard() {
        learner.say("/start");
        learner.say("magic");

        learner.say(learner.answerOf("threads"));

        assertThat(learner.recall.deck().card("threads")).contains(learner.fsrs.first(Rating.HARD, Learner.START));
    }

    @Test
    void aRevealedCheckMakesTheConceptDueTheNextDay() {
        learner.say("/start");
        learner.say("/hint");
        learner.say("/hint");

        var turn = learner.say("/hint");

        var card = learner.recall.deck().card("threads").orElseThrow();
        assertThat(card).isEqualTo(learner.fsrs.first(Rating.AGAIN, Learner.START));
        assertThat(card.due()).isEqualTo(Learner.START.plus(Duration.ofDays(1)));
        assertThat(turn.events()).contains(new Event(Type.CARD_RATED, "threads", "AGAIN"));
    }

    @Test
    void aWrongAnswerOrAHintAloneRatesNothing() {
        learner.say("/start");

        learner.say("magic");
        learner.say("/hint");

        assertThat(learner.recall.deck().cards()).isEmpty();
    }

    @Test
    void aCorrectAnswerOnAConceptCreditsItsPrerequisiteLateInItsInterval() {
        learner.coveringThreads();
        learner.say("/next");
        var threads = learner.recall.deck().card("threads").orElseThrow();
        // Good gave threads three days; two have passed, more than half of them
        learner.clock.advance(Duration.ofDays(2));

        var turn = learner.say("True False");

        var credited = learner.recall.deck().card("threads").orElseThrow();
        assertThat(credited).isEqualTo(learner.fsrs.credit(threads, learner.clock.instant()));
        assertThat(credited.lastReview()).isEqualTo(learner.clock.instant());
        assertThat(credited.reviews()).isEqualTo(threads.reviews());
        assertThat(turn.events()).contains(new Event(Type.CARD_CREDITED, "threads", ""));
    }

    @Test
    void aCorrectAnswerRightAfterThePrerequisiteCreditsNothing() {
        learner.coveringThreads();
        learner.say("/next");
        var threads = learner.recall.deck().card("threads").orElseThrow();

        var turn = learner.say("True False");

        assertThat(learner.recall.deck().card("threads")).contains(threads);
        assertThat(Learner.types(turn)).doesNotContain(Type.CARD_CREDITED);
    }
}
