package dev.socratic.tutor;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The tutor's own sentences, read from {@code messages.properties} so people can edit them. */
public final class Messages {

    private final Properties texts;

    private Messages(Properties texts) {
        this.texts = texts;
    }

    public static Messages load() {
        var texts = new Properties();
        try (var in = Messages.class.getResourceAsStream("messages.properties")) {
            if (in == null) {
                throw new IllegalStateException("messages.properties is missing from the class path");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read messages.properties", e);
        }
        return new Messages(texts);
    }

    public String get(String key, Object... args) {
        var text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no message '" + key + "' in messages.properties");
        }
        return args.length == 0 ? text : text.formatted(args);
    }
}
