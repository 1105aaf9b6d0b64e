package dev.socratic.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first bytes a program prints and counts the rest, so a print loop cannot fill the heap. */
final class BoundedOutput extends OutputStream {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;
    private long dropped;

    BoundedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < limit) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.max(0, Math.min(length, limit - kept.size()));
        kept.write(bytes, offset, room);
        dropped += length - room;
    }

    /** What was printed, with a mark where it was cut. */
    synchronized String text() {
        // a cut can split a UTF-8 sequence; decoding replaces the broken tail rather than failing
        var text = kept.toString(StandardCharsets.UTF_8);
        return dropped == 0 ? text : text + "\n…";
    }
}
