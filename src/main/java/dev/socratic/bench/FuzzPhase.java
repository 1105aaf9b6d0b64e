package dev.socratic.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Thousands of odd updates: random Unicode, huge and empty texts, unknown commands and junk
 * arguments, edits, stickers, photos, forged button data, updates with no learner. Afterwards every
 * learner must still be served, and no reply may show a stack trace.
 */
final class FuzzPhase {

    record Result(int updates, int learners, int servedAfter, int tracesInReplies) {
    }

    static final long FIRST_LEARNER = 7_000_000_000L;
    private static final int LEARNERS = 25;
    private static final Pattern TRACE = Pattern.compile("Exception|\\bat [a-z]+\\.[a-zA-Z.$]+\\(|\\.java:\\d+");

    static Result run(LocalBotApi api, int count, long seed) throws InterruptedException {
        var random = new Random(seed);
        for (int i = 0; i < count; i++) {
            long learner = FIRST_LEARNER + random.nextInt(LEARNERS);
            int id = i + 1;
            switch (random.nextInt(11)) {
                case 0 -> api.pushText(learner, randomUnicode(random, random.nextInt(200)));
                case 1 -> api.pushText(learner, randomUnicode(random, 5_000));
                case 2 -> api.pushText(learner, "");
                case 3 -> api.pushText(learner, "/" + word(random));
                case 4 -> api.pushText(learner, "/" + List.of("next", "hint", "start", "progress", "help")
                        .get(random.nextInt(5)) + " " + randomUnicode(random, random.nextInt(50)));
                case 5 -> api.pushButton(learner, randomUnicode(random, random.nextInt(64)));
                case 6 -> api.pushRaw(message(api, id, learner, "edited_message", random));
                case 7 -> api.pushRaw(sticker(api, id, learner));
                case 8 -> api.pushRaw(photo(api, id, learner));
                case 9 -> api.pushRaw(channelPost(api, id));
                default -> api.pushText(learner, List.of("ready", "yes", "  ", "\u0000", "🙂", "<b>hi</b>",
                        "&amp;", "```python\nprint(1)\n```").get(random.nextInt(8)));
            }
        }
        quiesce(api);
        int traces = 0;
        for (var call : api.calls("sendMessage")) {
            if (call.chatId() >= FIRST_LEARNER && call.chatId() < FIRST_LEARNER + LEARNERS
                    && TRACE.matcher(call.text()).find()) {
                traces++;
            }
        }
        int served = 0;
        for (long learner = FIRST_LEARNER; learner < FIRST_LEARNER + LEARNERS; learner++) {
            int before = api.countTo(learner);
            api.pushText(learner, "/progress");
            var reply = api.awaitSendTo(learner, before, Duration.ofSeconds(20));
            if (reply != null && reply.text().contains("concepts covered")) {
                served++;
            }
        }
        return new Result(count, LEARNERS, served, traces);
    }

    /** Waits until the bot has been quiet for a second. */
    static void quiesce(LocalBotApi api) throws InterruptedException {
        int last = -1;
        while (true) {
            int now = api.calls("sendMessage").size();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(1_000);
        }
    }

    private static String word(Random random) {
        var letters = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(12); i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private static String randomUnicode(Random random, int length) {
        var text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> 0x400 + random.nextInt(0x100);
                case 2 -> 0x1F300 + random.nextInt(0x200);
                default -> random.nextInt(0x10FFFF);
            };
            if (Character.isDefined(codePoint) && !Character.isSurrogate((char) codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private static ObjectNode message(LocalBotApi api, int id, long learner, String kind, Random random) {
        var update = api.json().createObjectNode();
        api.fillMessage(update.putObject(kind), id, learner).put("text", randomUnicode(random, 20))
                .put("edit_date", System.currentTimeMillis() / 1000);
        return update;
    }

    private static ObjectNode sticker(LocalBotApi api, int id, long learner) {
        var update = api.json().createObjectNode();
        api.fillMessage(update.putObject("message"), id, learner).putObject("sticker")
                .put("file_id", "s" + id).put("file_unique_id", "u" + id).put("type", "regular")
                .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
        return update;
    }

    private static ObjectNode photo(LocalBotApi api, int id, long learner) {
        var update = api.json().createObjectNode();
        var sizes = api.fillMessage(update.putObject("message"), id, learner).putArray("photo");
        sizes.addObject().put("file_id", "p" + id).put("file_unique_id", "q" + id).put("width", 90).put("height", 90);
        return update;
    }

    private static ObjectNode channelPost(LocalBotApi api, int id) {
        var update = api.json().createObjectNode();
        var post = update.putObject("channel_post").put("message_id", id)
                .put("date", System.currentTimeMillis() / 1000).put("text", "news");
        post.putObject("chat").put("id", -100123).put("type", "channel");
        return update;
    }
}
