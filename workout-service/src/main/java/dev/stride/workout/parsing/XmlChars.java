package dev.stride.workout.parsing;

/**
 * XML 1.0 character classes as the JDK's reader has them (for non-ASCII names see
 * {@link XmlNameChars}), and the byte tables {@link Utf8XmlReader} scans its buffer with.
 */
final class XmlChars {

    static final boolean[] ASCII_NAME_START = new boolean[128];
    static final boolean[] ASCII_NAME = new boolean[128];

    /**
     * Bytes of text that read() returns as they are and the reader only appends: not markup,
     * references, ']' and '>' (for "]]>"), CR, other control characters or non-ASCII.
     */
    static final boolean[] PLAIN_TEXT = new boolean[256];

    /** What a byte is to a name scanned in the buffer: */
    static final byte[] NAME_BYTE = new byte[256];
    /** one that ends the name (ASCII, not a name character), */
    static final byte END = 0;
    /** an ASCII name character other than the colon, */
    static final byte NAME_CHAR = 1;
    static final byte COLON = 2;
    /** non-ASCII (the general way reads it). */
    static final byte OTHER = 3;

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_NAME[c] = isNameChar(c);
            ASCII_NAME_START[c] = isNameStart(c);
            NAME_BYTE[c] = c == ':' ? COLON : isNameChar(c) ? NAME_CHAR : END;
            NAME_BYTE[c + 128] = OTHER;
            PLAIN_TEXT[c] = (c >= 0x20 || c == '\n' || c == '\t') && c != '<' && c != '&' && c != ']' && c != '>';
        }
    }

    private XmlChars() {
    }

    static boolean isXmlChar(int c) {
        return c >= 0x20 ? c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF
                : c == 0x9 || c == 0xA || c == 0xD;
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    /** NameStartChar as the JDK's reader has it. */
    static boolean isNameStart(int c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
        }
        return XmlNameChars.isNameStart(c);
    }

    /** NameChar as the JDK's reader has it. */
    static boolean isNameChar(int c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == ':'
                    || c == '-' || c == '.';
        }
        return c > 0 && XmlNameChars.isNameChar(c);
    }
}
