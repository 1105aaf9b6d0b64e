package dev.socratic.bench;

import dev.socratic.delivery.SendPacer;
import dev.socratic.store.Database;
import dev.socratic.store.SqliteOutbox;
import dev.socratic.telegram.TelegramBot;
import dev.socratic.tutor.Messages;
import dev.socratic.tutor.Pictures;
import dev.socratic.tutor.TurnProcessor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;

/** The real bot in this JVM: the production turn processing, talking to the local Bot API. */
final class InProcessBot implements AutoCloseable {

    static final String TOKEN = "1000:BENCH-token";

    private final Database database;
    private final TelegramBot bot;

    InProcessBot(Path databaseFile, LocalBotApi api, Function<Database, TurnProcessor> turns, SendPacer pacer)
            throws Exception {
        var clock = Clock.systemUTC();
        database = Database.open(databaseFile);
        bot = new TelegramBot(TOKEN, api.url(), Set.of(), turns.apply(database), new SqliteOutbox(database),
                Messages.load(), clock, Pictures.NONE, pacer);
        bot.start();
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        bot.close();
        database.close();
    }
}
