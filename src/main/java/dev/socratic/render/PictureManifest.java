package dev.socratic.render;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Objects;

/**
 * {@code pictures/manifest.json}, written by {@code scripts/render-diagrams.sh}: for each picture
 * key ({@code concepts/<id>}, {@code topics/<id>}) the SHA-256 of the diagram source it was
 * rendered from and of the PNG itself.
 */
record PictureManifest(Map<String, Entry> pictures) {

    static final String FILE = "manifest.json";
    static final PictureManifest EMPTY = new PictureManifest(Map.of());

    PictureManifest {
        pictures = Map.copyOf(Objects.requireNonNullElse(pictures, Map.of()));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(@JsonProperty("source_sha256") String sourceSha256, @JsonProperty("png_sha256") String pngSha256) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record File(Map<String, Entry> pictures) {
    }

    static PictureManifest parse(byte[] json) {
        try {
            var file = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(json, File.class);
            return new PictureManifest(file == null ? Map.of() : file.pictures());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("pictures/" + FILE + " is not valid: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("pictures/" + FILE + " cannot be read: " + e.getMessage(), e);
        }
    }
}
