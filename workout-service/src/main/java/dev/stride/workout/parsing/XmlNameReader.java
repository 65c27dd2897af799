package dev.stride.workout.parsing;

import static dev.stride.workout.parsing.Utf8Input.EOF;
import static dev.stride.workout.parsing.Utf8Input.NONE;
import static dev.stride.workout.parsing.Utf8Input.truncated;
import static dev.stride.workout.parsing.XmlChars.ASCII_NAME;
import static dev.stride.workout.parsing.XmlChars.ASCII_NAME_START;
import static dev.stride.workout.parsing.XmlChars.COLON;
import static dev.stride.workout.parsing.XmlChars.END;
import static dev.stride.workout.parsing.XmlChars.NAME_BYTE;
import static dev.stride.workout.parsing.XmlChars.NAME_CHAR;
import static dev.stride.workout.parsing.XmlChars.isNameChar;
import static dev.stride.workout.parsing.XmlChars.isNameStart;

import java.io.IOException;
import java.util.Arrays;

/**
 * The names of {@link Utf8XmlReader}'s tags and processing instructions, read as UTF-8 bytes into
 * the caller's array (element names stacked, or the tag's attribute names) and checked as XML and
 * namespaces say. The array can grow, so the caller takes {@link #bytes} back after each name.
 */
final class XmlNameReader {

    private final Utf8Input input;
    /** The array the last name went into: the one given, or a larger copy of it. */
    byte[] bytes;
    /** The last name's one colon, or -1. */
    int colon;
    /** The character after the last name. */
    int terminator;

    XmlNameReader(Utf8Input input) {
        this.input = input;
    }

    /**
     * {@link #read} for the common case, straight from the buffer: an ASCII name (starting with
     * {@code c}, already read) whose end is in the buffer, with at most one colon that has name
     * characters on both sides, followed by a character read() returns as it is (or LF). -1,
     * nothing read beyond {@code c}, for anything else, which the general way then reads.
     */
    int ascii(int c, byte[] target, int at) {
        if (c < 0 || c >= 0x80 || !ASCII_NAME_START[c] || c == ':' || input.pushed != NONE || input.pushSpace) {
            return -1;
        }
        byte[] b = input.buf;
        int p = input.pos;
        int end = input.limit;
        int colonAt = -1;
        int t;
        while (true) {
            if (p == end) {
                return -1;
            }
            t = b[p];
            int kind = NAME_BYTE[t & 0xFF];
            if (kind == NAME_CHAR) {
                p++;
            } else if (kind == END) {
                break;
            } else if (kind == COLON && colonAt < 0 && p + 1 < end && NAME_BYTE[b[p + 1] & 0xFF] == NAME_CHAR
                    && ASCII_NAME_START[b[p + 1]]) {
                colonAt = p++;
            } else {
                return -1;
            }
        }
        if (t < 0x20 && t != '\n' && t != '\t') {
            return -1;
        }
        int length = p - input.pos;
        if (at + 1 + length > target.length) {
            target = Arrays.copyOf(target, Math.max(target.length * 2, at + 1 + length));
        }
        target[at] = (byte) c;
        System.arraycopy(b, input.pos, target, at + 1, length);
        bytes = target;
        colon = colonAt < 0 ? -1 : at + 1 + colonAt - input.pos;
        terminator = t;
        if (t == '\n') {
            input.line++;
        }
        input.pos = p + 1;
        return at + 1 + length;
    }

    /**
     * Reads a name starting with {@code c} into target at {@code at}; returns its end, with the
     * array in {@link #bytes}, its one colon in {@link #colon} and the character after it in
     * {@link #terminator}.
     *
     * @param qualified false for a processing instruction's target, where colons are plain name characters
     */
    int read(int c, byte[] target, int at, boolean qualified) throws IOException {
        if (c == EOF) {
            throw truncated();
        }
        if (!isNameStart(c)) {
            throw input.malformed("The name is not well-formed.");
        }
        int i = at;
        // as the JDK's reader: one colon splits prefix and local part; a leading colon is part of
        // the local name (no prefix); a second colon ends the name
        int colonAt = -1;
        // (a leading colon is not that one: in ":a:b:c" the JDK splits at the second and ends at the third)
        boolean plain = !qualified;
        boolean leading = c == ':';
        while (true) {
            if (c == ':' && !plain && !(leading && i == at)) {
                if (colonAt >= 0) {
                    break;
                }
                colonAt = i;
            } else if (colonAt == i - 1 && colonAt >= 0 && !isNameStart(c)) {
                throw input.malformed("The local part of the qualified name is not well-formed.");
            }
            if (i + 4 > target.length) {
                target = Arrays.copyOf(target, target.length * 2);
            }
            if (c < 0x80) {
                target[i++] = (byte) c;
            } else if (c < 0x800) {
                target[i++] = (byte) (0xC0 | c >> 6);
                target[i++] = (byte) (0x80 | c & 0x3F);
            } else if (c < 0x10000) {
                target[i++] = (byte) (0xE0 | c >> 12);
                target[i++] = (byte) (0x80 | c >> 6 & 0x3F);
                target[i++] = (byte) (0x80 | c & 0x3F);
            } else {
                target[i++] = (byte) (0xF0 | c >> 18);
                target[i++] = (byte) (0x80 | c >> 12 & 0x3F);
                target[i++] = (byte) (0x80 | c >> 6 & 0x3F);
                target[i++] = (byte) (0x80 | c & 0x3F);
            }
            if (input.pushed == NONE && !input.pushSpace) {
                // ASCII name characters straight from the buffer (colons and the first character
                // after one take the general way)
                int p = input.pos;
                int end = Math.min(input.limit, p + target.length - i - 4);
                while (p < end) {
                    int b = input.buf[p];
                    if (b < 0 || !ASCII_NAME[b] || b == ':' || colonAt == i - 1 && !ASCII_NAME_START[b]) {
                        break;
                    }
                    target[i++] = (byte) b;
                    p++;
                }
                input.pos = p;
            }
            c = input.read();
            if (!isNameChar(c)) {
                break;
            }
        }
        if (colonAt >= 0 && colonAt == i - 1) {
            throw c == EOF ? truncated() : input.malformed("The qualified name is not well-formed.");
        }
        bytes = target;
        colon = colonAt;
        terminator = c;
        return i;
    }
}
