package dev.stride.workout.parsing;

import static dev.stride.workout.parsing.Utf8Input.NONE;
import static dev.stride.workout.parsing.XmlBytes.LONGS;
import static dev.stride.workout.parsing.XmlChars.PLAIN_TEXT;

import java.util.Arrays;

/**
 * The characters of {@link Utf8XmlReader}'s current text event or attribute value, reused from
 * event to event, and the plain ASCII runs it scans straight from the input's buffer: most of a
 * GPX or TCX file's bytes, so these loops are kept free of calls.
 */
final class TextBuffer {

    private static final long EIGHT_SPACES = 0x2020_2020_2020_2020L;

    char[] chars = new char[256];
    int length;

    /** Plain ASCII text (see {@link XmlChars#PLAIN_TEXT}) straight from the buffer into {@link #chars}; true when there was some. */
    boolean keepPlain(Utf8Input input) {
        int p = input.pos;
        int end = input.limit;
        byte[] b = input.buf;
        char[] t = chars;
        int n = length;
        int lines = 0;
        while (p < end && PLAIN_TEXT[b[p] & 0xFF]) {
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                chars = t;
            }
            int c = b[p++];
            if (c == '\n') {
                lines++;
            }
            t[n++] = (char) c;
        }
        length = n;
        input.line += lines;
        boolean some = p > input.pos;
        input.pos = p;
        return some;
    }

    /** {@link #keepPlain} for text that is not reported: only checked and its lines counted. */
    static boolean skipPlain(Utf8Input input) {
        int p = input.pos;
        int end = input.limit;
        byte[] b = input.buf;
        int lines = 0;
        // mostly indentation: the spaces of eight bytes at a time, counted without a branch each
        while (p < end) {
            if (p + 8 <= end) {
                long notSpaces = (long) LONGS.get(b, p) ^ EIGHT_SPACES;
                if (notSpaces == 0) {
                    p += 8;
                    continue;
                }
                p += Long.numberOfTrailingZeros(notSpaces) >>> 3;
            }
            int c = b[p];
            if (!PLAIN_TEXT[c & 0xFF]) {
                break;
            }
            if (c == '\n') {
                lines++;
            }
            p++;
        }
        input.line += lines;
        boolean some = p > input.pos;
        input.pos = p;
        return some;
    }

    /**
     * The ASCII characters of an attribute value straight from the buffer, tab and LF replaced by
     * spaces: everything but the quote, '<', references, CR and other control characters.
     */
    void valueRun(Utf8Input input, int quote) {
        if (input.pushed != NONE || input.pushSpace) {
            return;
        }
        int p = input.pos;
        int end = input.limit;
        byte[] b = input.buf;
        char[] t = chars;
        int n = length;
        while (p < end) {
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                chars = t;
            }
            int c = b[p];
            if (c < 0x20) {
                if (c == '\n') {
                    input.line++;
                } else if (c != '\t') {
                    break;
                }
                c = ' ';
            } else if (c == quote || c == '<' || c == '&') {
                break;
            }
            t[n++] = (char) c;
            p++;
        }
        input.pos = p;
        length = n;
    }

    void append(int c) {
        if (length + 2 > chars.length) {
            chars = Arrays.copyOf(chars, chars.length * 2);
        }
        if (c < 0x10000) {
            chars[length++] = (char) c;
        } else {
            chars[length++] = Character.highSurrogate(c);
            chars[length++] = Character.lowSurrogate(c);
        }
    }
}
