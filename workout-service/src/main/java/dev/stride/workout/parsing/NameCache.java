package dev.stride.workout.parsing;

import static dev.stride.workout.parsing.XmlBytes.equal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Name bytes to Strings: direct-mapped, 512 slots, names up to 64 bytes. A lookup costs the
 * name's length; a file of millions of distinct names replaces slots (one String each, as
 * many as the names) and never grows the cache, so time and memory stay linear.
 */
final class NameCache {
    static final int SLOTS = 512;
    static final int MAX_NAME = 64;
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    /**
     * From the length and three of the bytes, not all of them: a name is hashed for every tag,
     * and the few names of a GPX or TCX file differ there.
     */
    static int hash(byte[] bytes, int from, int to) {
        int length = to - from;
        int h = length == 0 ? 0 : length << 24 ^ bytes[from] << 16 ^ bytes[from + (length >> 1)] << 8 ^ bytes[to - 1];
        return h * 0x9E3779B1;
    }

    String get(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length > MAX_NAME) {
            return new String(bytes, from, length, StandardCharsets.UTF_8);
        }
        int h = hash(bytes, from, to);
        int slot = h >>> Integer.numberOfLeadingZeros(SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == length && equal(bytes, from, to, key, 0)) {
            return values[slot];
        }
        String value = new String(bytes, from, length, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(bytes, from, to);
        values[slot] = value;
        return value;
    }
}
