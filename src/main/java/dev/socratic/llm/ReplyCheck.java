package dev.socratic.llm;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a reply worth showing the guard from one the provider botched: empty, cut to a word or two,
 * an error page or JSON in place of text, mojibake, or one word repeated. A botched reply counts as
 * a failure of the provider (the circuit breaker hears of it); a well-formed reply that breaks a
 * teaching rule is the guard's business, not this.
 */
final class ReplyCheck {

    static final int MAX_CHARS = 8_000;

    private ReplyCheck() {
    }

    static Optional<String> problem(String reply) {
        if (reply == null || reply.isBlank()) {
            return Optional.of("empty reply");
        }
        var text = reply.strip();
        if (text.length() > MAX_CHARS) {
            return Optional.of("overlong reply");
        }
        var lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype") || lower.startsWith("<html") || (text.startsWith("{") && text.endsWith("}"))) {
            return Optional.of("garbage reply");
        }
        if (text.indexOf('\uFFFD') >= 0) {
            return Optional.of("garbage reply");
        }
        var words = text.split("\\s+");
        if (words.length < 3) {
            return Optional.of("too short a reply");
        }
        long letters = text.chars().filter(Character::isLetter).count();
        long visible = text.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (letters < visible / 2) {
            return Optional.of("garbage reply");
        }
        var distinct = new HashSet<String>();
        for (var word : words) {
            distinct.add(word.toLowerCase(Locale.ROOT));
        }
        if (words.length >= 20 && distinct.size() * 5 < words.length) {
            return Optional.of("garbage reply");
        }
        return Optional.empty();
    }
}
