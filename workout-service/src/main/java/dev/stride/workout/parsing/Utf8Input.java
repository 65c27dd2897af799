package dev.stride.workout.parsing;

import static dev.stride.workout.parsing.XmlChars.isXmlChar;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of {@link Utf8XmlReader}'s input, 64 KB at a time, as XML characters: UTF-8 decoded
 * and checked, line ends normalised, lines counted for the messages. The reader scans the common
 * ASCII runs in {@link #buf} itself (from {@link #pos} to {@link #limit}, counting {@link #line}s
 * as this does) and reads everything else here.
 */
final class Utf8Input {

    static final int EOF = -1;
    /** Nothing pushed back. */
    static final int NONE = -2;
    private static final int CHUNK = 65_536;

    private final InputStream in;
    private final boolean asciiOnly;
    final byte[] buf = new byte[CHUNK];
    int pos;
    int limit;
    private boolean eof;
    int line = 1;
    /** A character read that the next {@link #read} returns, or NONE. */
    int pushed = NONE;
    /** A space read before a pseudo-attribute that was not there belongs to the next one. */
    boolean pushSpace;

    /**
     * @param asciiOnly the document declares US-ASCII: a byte above 127 is an error, as for StAX
     */
    Utf8Input(InputStream in, boolean asciiOnly) {
        this.in = in;
        this.asciiOnly = asciiOnly;
    }

    /**
     * The next character as a code point, line ends normalised to LF; EOF at the end. Checks that
     * the bytes are UTF-8 (no overlong forms, no surrogates) and the character an XML 1.0 one.
     */
    int read() throws IOException {
        if (pos < limit && pushed == NONE && !pushSpace) {
            int b = buf[pos];
            if (b >= 0x20) {
                pos++;
                return b;
            }
        }
        return readAny();
    }

    /** {@link #read} for a pushed character, the end of the chunk, a control character or non-ASCII. */
    private int readAny() throws IOException {
        if (pushSpace) {
            pushSpace = false;
            return ' ';
        }
        if (pushed != NONE) {
            int c = pushed;
            pushed = NONE;
            return c;
        }
        if (pos == limit && !fill()) {
            return EOF;
        }
        int b = buf[pos++];
        if (b >= 0x20) {
            return b;
        }
        if (b == '\n') {
            line++;
            return b;
        }
        if (b == '\t') {
            return b;
        }
        if (b == '\r') {
            line++;
            if ((pos < limit || fill()) && buf[pos] == '\n') {
                pos++;
            }
            return '\n';
        }
        if (b >= 0) {
            throw malformed("An invalid XML character (Unicode: 0x" + Integer.toHexString(b) + ") was found.");
        }
        return multiByte(b & 0xFF);
    }

    private int multiByte(int b0) throws IOException {
        if (asciiOnly) {
            throw malformed("Byte \"" + b0 + "\" is not 7-bit ASCII.");
        }
        int c;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            c = (b0 & 0x1F) << 6 | continuation(0x80, 0xBF);
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            int b1 = continuation(b0 == 0xE0 ? 0xA0 : 0x80, b0 == 0xED ? 0x9F : 0xBF);
            c = (b0 & 0x0F) << 12 | b1 << 6 | continuation(0x80, 0xBF);
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            int b1 = continuation(b0 == 0xF0 ? 0x90 : 0x80, b0 == 0xF4 ? 0x8F : 0xBF);
            int b2 = continuation(0x80, 0xBF);
            c = (b0 & 0x07) << 18 | b1 << 12 | b2 << 6 | continuation(0x80, 0xBF);
        } else {
            throw malformed("Invalid byte 1 of a UTF-8 sequence.");
        }
        if (!isXmlChar(c)) {
            throw malformed("An invalid XML character (Unicode: 0x" + Integer.toHexString(c) + ") was found.");
        }
        return c;
    }

    /** A continuation byte in [low, high]; its low six bits. */
    private int continuation(int low, int high) throws IOException {
        if (pos == limit && !fill()) {
            throw malformed("The UTF-8 sequence is incomplete at the end of the file.");
        }
        int b = buf[pos++] & 0xFF;
        if (b < low || b > high) {
            throw malformed("Invalid byte of a UTF-8 sequence.");
        }
        return b & 0x3F;
    }

    /** Reads the next chunk when the current one is used up; false at the end of the input. */
    boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        while (true) {
            int n = in.read(buf, 0, CHUNK);
            if (n < 0) {
                eof = true;
                pos = 0;
                limit = 0;
                return false;
            }
            if (n > 0) {
                pos = 0;
                limit = n;
                return true;
            }
        }
    }

    WorkoutFileException malformed(String reason) {
        return new WorkoutFileException(WorkoutFileException.Reason.MALFORMED,
                "The file is not well-formed XML at line " + line + ": " + reason);
    }

    static WorkoutFileException truncated() {
        return new WorkoutFileException(WorkoutFileException.Reason.TRUNCATED,
                "The file is truncated (the XML ends before the document is complete)");
    }
}
