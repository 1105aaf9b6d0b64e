package dev.socratic.store;

import dev.socratic.tutor.Outbound.Button;
import dev.socratic.tutor.Outbound.Code;
import dev.socratic.tutor.Outbound.CurriculumImage;
import dev.socratic.tutor.Outbound.Heading;
import dev.socratic.tutor.Outbound.Message;
import dev.socratic.tutor.Outbound.Paragraph;
import dev.socratic.tutor.Outbound.Photo;
import dev.socratic.tutor.Outbound.LinkedImage;
import dev.socratic.tutor.Outbound.RenderedImage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundCodecTest {

    private final OutboundCodec codec = new OutboundCodec();
    private final Message caption = new Message(List.of(new Heading("Pools"), new Code("x = 1"), new Paragraph("Why?")),
            List.of(new Button("Ready ▶", "next")));

    @Test
    void aCurriculumPictureIsStoredByItsKey() {
        var photo = new Photo(new CurriculumImage("concepts/pools"), caption);

        var json = codec.write(photo);

        assertThat(json).contains("concepts/pools").doesNotContain("png");
        assertThat(codec.read(json)).isEqualTo(photo);
    }

    @Test
    void aPictureWithoutACaptionStaysWithout() {
        var photo = Photo.uncaptioned(new CurriculumImage("topics/basics"));

        assertThat(codec.read(codec.write(photo))).isEqualTo(photo);
    }

    @Test
    void aDrawnPictureKeepsItsBytes() {
        var photo = new Photo(new RenderedImage("map.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, -1}), caption);

        assertThat(codec.read(codec.write(photo))).isEqualTo(photo);
    }

    @Test
    void aLinkedPictureKeepsItsAddress() {
        var photo = Photo.uncaptioned(new LinkedImage("https://mermaid.ink/img/Z3JhcGggTFI"));

        assertThat(codec.read(codec.write(photo))).isEqualTo(photo);
    }

    @Test
    void messagesStoredBeforePicturesExistedStillLoad() {
        var old = "{\"type\":\"message\",\"blocks\":[{\"kind\":\"paragraph\",\"text\":\"Hi\"}],\"buttons\":[]}";

        assertThat(codec.read(old)).isEqualTo(new Message(List.of(new Paragraph("Hi")), List.of()));
    }

    @Test
    void anUnknownPictureKindIsReportedNotGuessed() {
        var json = "{\"type\":\"photo\",\"image\":{\"kind\":\"hologram\"},\"caption\":{\"blocks\":[{\"kind\":\"paragraph\",\"text\":\"x\"}]}}";

        assertThatThrownBy(() -> codec.read(json)).isInstanceOf(StoreException.class).hasMessageContaining("hologram");
    }
}
