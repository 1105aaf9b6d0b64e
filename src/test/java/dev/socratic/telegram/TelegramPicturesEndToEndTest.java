package dev.socratic.telegram;

import dev.socratic.Fixtures;
import dev.socratic.bench.LocalBotApi;
import dev.socratic.delivery.SendPacer;
import dev.socratic.curriculum.Curriculum;
import dev.socratic.grading.KeyPointGrader;
import dev.socratic.delivery.SendFailure;
import dev.socratic.render.CurriculumPictures;
import dev.socratic.render.PlantUmlMapRenderer;
import dev.socratic.render.Png;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteLearnerStore;
import dev.socratic.store.SqliteOutbox;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Outbound.CurriculumImage;
import dev.socratic.tutor.Outbound.LinkedImage;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Outbound.Photo;
import dev.socratic.tutor.Tutor;
import dev.socratic.tutor.TurnProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Pictures through the real telegrambots client: sendPhoto is a multipart upload the fake server takes apart. */
class TelegramPicturesEndToEndTest {

    private static final String TOKEN = "123456:TEST-token";
    private static final long LEARNER = 5151;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path folder;
    private final Curriculum curriculum = Fixtures.curriculum();
    private LocalBotApi api;
    private Database database;
    private TelegramBot bot;

    @BeforeEach
    void start() throws Exception {
        api = new LocalBotApi(TOKEN);
        var clock = Clock.systemUTC();
        database = Database.open(folder.resolve("tutor.db"));
        var messages = Messages.load();
        var pictures = CurriculumPictures.inFolder(curriculum, Fixtures.CURRICULUM_DIR);
        var tutor = new Tutor(curriculum, new KeyPointGrader(), messages, pictures, new PlantUmlMapRenderer());
        var turns = new TurnProcessor(tutor, new SqliteLearnerStore(database, clock));
        bot = new TelegramBot(TOKEN, api.url(), Set.of(), turns, new SqliteOutbox(database), messages, clock, pictures,
                SendPacer.unlimited());
        bot.start();
    }

    @AfterEach
    void stop() {
        bot.close();
        database.close();
        api.close();
    }

    @Test
    void theTopicsPictureGoesOutAsAPhotoBeforeTheMessageThatEndsWithTheQuestion() throws Exception {
        api.pushText(LEARNER, "/start");

        assertThat(api.await(a -> a.sendsTo(LEARNER).size() >= 3, WAIT)).isTrue();
        var sends = api.sendsTo(LEARNER);
        assertThat(sends).extracting(LocalBotApi.Call::method).containsExactly("sendmessage", "sendphoto", "sendmessage");
        var photo = sends.get(1);
        assertThat(photo.file("photo"))
                .isEqualTo(Files.readAllBytes(Fixtures.CURRICULUM_DIR.resolve("pictures/topics/basics.png")));
        assertThat(photo.caption()).contains("Basics");
        assertThat(photo.body().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        assertThat(sends.get(2).text()).contains("A thread is one line of execution")
                .endsWith(curriculum.require("threads").check().prompt());
    }

    @Test
    void aPictureWithoutACaptionIsUploadedBareAndAnOverlongCaptionFollowsAsText() throws Exception {
        var endpoint = new ApiEndpoint(api.url());
        var sink = new TelegramSink(new OkHttpTelegramClient(endpoint.httpClient(), TOKEN, endpoint.telegramUrl()),
                CurriculumPictures.inFolder(curriculum, Fixtures.CURRICULUM_DIR));
        var pools = new CurriculumImage("concepts/pools");
        var overlong = new Message(List.of(new Paragraph("x".repeat(Photo.MAX_CAPTION)), new Paragraph("Why?")), List.of());

        sink.send(LEARNER, Photo.uncaptioned(pools));
        sink.send(LEARNER, new Photo(pools, overlong));

        var sends = api.sendsTo(LEARNER);
        assertThat(sends).extracting(LocalBotApi.Call::method).containsExactly("sendphoto", "sendphoto", "sendmessage");
        assertThat(sends.get(0).body().has("caption")).isFalse();
        assertThat(sends.get(1).caption()).isEmpty();
        assertThat(sends.get(0).file("photo"))
                .isEqualTo(Files.readAllBytes(Fixtures.CURRICULUM_DIR.resolve("pictures/concepts/pools.png")));
        assertThat(sends.get(2).text()).endsWith("Why?");
    }

    @Test
    void aLongMessageRetriedAfterA429SendsOnlyThePartsNotYetDelivered() throws Exception {
        var endpoint = new ApiEndpoint(api.url());
        var sink = new TelegramSink(new OkHttpTelegramClient(endpoint.httpClient(), TOKEN, endpoint.telegramUrl()),
                CurriculumPictures.inFolder(curriculum, Fixtures.CURRICULUM_DIR));
        var first = "a".repeat(3_000);
        var second = "b".repeat(3_000);
        var longMessage = new Message(List.of(new Paragraph(first), new Paragraph(second + " Why?")), List.of());
        api.failSendAfter(1, 429);

        var failure = catchThrowableOfType(SendFailure.class, () -> sink.send(LEARNER, longMessage));
        sink.send(LEARNER, longMessage, failure.partsSent());

        assertThat(failure.kind()).isEqualTo(SendFailure.Kind.RETRY_AFTER);
        assertThat(failure.partsSent()).isEqualTo(1);
        assertThat(api.textsTo(LEARNER)).containsExactly(first, second + " Why?");
    }

    @Test
    void aCurriculumPictureIsUploadedOnceAndThenSentByTelegramsFileId() throws Exception {
        var endpoint = new ApiEndpoint(api.url());
        var sink = new TelegramSink(new OkHttpTelegramClient(endpoint.httpClient(), TOKEN, endpoint.telegramUrl()),
                CurriculumPictures.inFolder(curriculum, Fixtures.CURRICULUM_DIR));
        var pools = Photo.uncaptioned(new CurriculumImage("concepts/pools"));

        sink.send(LEARNER, pools);
        sink.send(LEARNER + 1, pools);

        var first = api.photosTo(LEARNER).getFirst();
        var second = api.photosTo(LEARNER + 1).getFirst();
        assertThat(first.file("photo")).isNotNull();
        assertThat(second.files()).isEmpty();
        assertThat(second.body().path("photo").asText()).startsWith("photo");
    }

    @Test
    void aFileIdTelegramNoLongerKnowsIsDroppedAndThePictureUploadedAgainOnRetry() throws Exception {
        var endpoint = new ApiEndpoint(api.url());
        var sink = new TelegramSink(new OkHttpTelegramClient(endpoint.httpClient(), TOKEN, endpoint.telegramUrl()),
                CurriculumPictures.inFolder(curriculum, Fixtures.CURRICULUM_DIR));
        var pools = Photo.uncaptioned(new CurriculumImage("concepts/pools"));
        sink.send(LEARNER, pools);
        api.failNextSends(1, 400);

        var failure = catchThrowableOfType(SendFailure.class, () -> sink.send(LEARNER + 1, pools));
        sink.send(LEARNER + 1, pools);

        assertThat(failure.kind()).isEqualTo(SendFailure.Kind.TRANSIENT);
        assertThat(api.photosTo(LEARNER + 1).getFirst().file("photo")).isNotNull();
    }

    @Test
    void aLinkedPictureIsSentAsItsAddressForTelegramToFetch() throws Exception {
        var endpoint = new ApiEndpoint(api.url());
        var sink = new TelegramSink(new OkHttpTelegramClient(endpoint.httpClient(), TOKEN, endpoint.telegramUrl()),
                CurriculumPictures.inFolder(curriculum, Fixtures.CURRICULUM_DIR));

        sink.send(LEARNER, new Photo(new LinkedImage("https://mermaid.ink/img/Z3JhcGggTFI"),
                new Message(List.of(new Paragraph("Where does the list live?")), List.of())));

        var sent = api.photosTo(LEARNER);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().body().path("photo").asText()).isEqualTo("https://mermaid.ink/img/Z3JhcGggTFI");
        assertThat(sent.getFirst().caption()).isEqualTo("Where does the list live?");
        assertThat(sent.getFirst().files()).isEmpty();
    }

    @Test
    void aPictureThatIsGoneSendsItsCaptionAsText() throws Exception {
        var endpoint = new ApiEndpoint(api.url());
        var sink = new TelegramSink(new OkHttpTelegramClient(endpoint.httpClient(), TOKEN, endpoint.telegramUrl()),
                CurriculumPictures.inFolder(curriculum, Fixtures.CURRICULUM_DIR));

        sink.send(LEARNER, new Photo(new CurriculumImage("concepts/no-such-picture"),
                new Message(List.of(new Paragraph("Still asking: why?")), List.of())));

        assertThat(api.sendsTo(LEARNER)).extracting(LocalBotApi.Call::method).containsExactly("sendmessage");
        assertThat(api.textsTo(LEARNER)).containsExactly("Still asking: why?");
    }

    @Test
    void mapSendsTheDrawnPngWithACaptionThatAsksTheOpenQuestion() throws Exception {
        api.pushText(LEARNER, "/start");
        assertThat(api.await(a -> a.sendsTo(LEARNER).size() >= 3, WAIT)).isTrue();

        api.pushText(LEARNER, "/map");

        assertThat(api.await(a -> a.photosTo(LEARNER).size() >= 2, WAIT)).isTrue();
        var map = api.photosTo(LEARNER).getLast();
        var png = Png.read(map.file("photo"));
        assertThat(png).isPresent();
        assertThat(png.get().fitsTelegram()).isTrue();
        assertThat(map.caption()).contains("knowledge map").endsWith(curriculum.require("threads").check().prompt());
    }
}
