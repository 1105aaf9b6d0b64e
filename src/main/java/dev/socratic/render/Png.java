package dev.socratic.render;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** The size of a PNG, read from its header: enough to tell a real picture from a broken file. */
public record Png(int width, int height) {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] HEADER_CHUNK = {'I', 'H', 'D', 'R'};
    /** Telegram refuses photos whose width and height add up to more than this. */
    public static final int MAX_SIDE_SUM = 10_000;
    /** ... or whose long side is more than this many times the short one. */
    public static final int MAX_RATIO = 20;

    /** The size, or empty when the bytes are not a PNG. */
    public static Optional<Png> read(byte[] bytes) {
        if (bytes.length < 24 || !Arrays.equals(bytes, 0, 8, SIGNATURE, 0, 8)
                || !Arrays.equals(bytes, 12, 16, HEADER_CHUNK, 0, 4)) {
            return Optional.empty();
        }
        var buffer = ByteBuffer.wrap(bytes);
        int width = buffer.getInt(16);
        int height = buffer.getInt(20);
        return width > 0 && height > 0 ? Optional.of(new Png(width, height)) : Optional.empty();
    }

    /** Whether Telegram accepts a photo of this shape. */
    public boolean fitsTelegram() {
        return width + height <= MAX_SIDE_SUM
                && Math.max(width, height) <= (long) MAX_RATIO * Math.min(width, height);
    }
}
