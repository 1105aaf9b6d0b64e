package dev.socratic.console;

import dev.socratic.delivery.Outbox;
import dev.socratic.delivery.OutboxSender;
import dev.socratic.tutor.Inbound;
import dev.socratic.tutor.Input;
import dev.socratic.tutor.Pictures;
import dev.socratic.tutor.TurnProcessor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** The tutor in a terminal: one learner, one line per message, replies on standard output. */
public final class ConsoleTutor {

    /** The console learner's id; Telegram user ids are positive, so this never collides. */
    public static final long LEARNER_ID = 0;

    private final TurnProcessor turns;
    private final OutboxSender sender;

    public ConsoleTutor(TurnProcessor turns, Outbox outbox, PrintStream out, Clock clock) {
        this(turns, outbox, out, clock, Pictures.NONE, Path.of("data", "pictures"));
    }

    /** @param pictureFolder where pictures are written, since a terminal cannot show them */
    public ConsoleTutor(TurnProcessor turns, Outbox outbox, PrintStream out, Clock clock, Pictures pictures,
                        Path pictureFolder) {
        this.turns = turns;
        this.sender = new OutboxSender(outbox, new ConsoleSink(out, pictures, pictureFolder), clock);
    }

    /** Reads lines until end of input. */
    public void run(InputStream in) throws IOException, InterruptedException {
        sender.drainDue();
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            turns.process(new Inbound(LEARNER_ID, LEARNER_ID, null, Input.parse(line)));
            sender.drainDue();
        }
    }
}
