package dev.stride.workout.parsing;

import static dev.stride.workout.parsing.Utf8Input.EOF;
import static dev.stride.workout.parsing.Utf8Input.truncated;
import static dev.stride.workout.parsing.XmlChars.isSpace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The markup of {@link Utf8XmlReader} that is not a tag, text or reference: the XML declaration,
 * comments and processing instructions (checked, then skipped), and the DOCTYPE, refused as
 * UNSAFE_XML. None of it is on a GPX or TCX file's hot path, so it reads character by character.
 */
final class XmlMarkup {

    private final Utf8Input input;

    XmlMarkup(Utf8Input input) {
        this.input = input;
    }

    /** After {@code <!D}: refused, whatever it declares (an end of the input in "OCTYPE" is TRUNCATED). */
    WorkoutFileException doctype() throws IOException {
        expect("OCTYPE");
        return new WorkoutFileException(WorkoutFileException.Reason.UNSAFE_XML,
                "The file contains a document type declaration (DOCTYPE), which activity files never need;"
                        + " it was not read");
    }

    WorkoutFileException markupError(int c) {
        return c == EOF ? truncated() : input.malformed("The markup is not recognized.");
    }

    /** After {@code <!-}: the rest of a comment. */
    void comment() throws IOException {
        int c = input.read();
        if (c != '-') {
            throw markupError(c);
        }
        int dashes = 0;
        while (true) {
            c = input.read();
            if (c == EOF) {
                throw truncated();
            }
            if (dashes >= 2) {
                if (c == '>') {
                    return;
                }
                throw input.malformed("The string \"--\" is not permitted within comments.");
            }
            dashes = c == '-' ? dashes + 1 : 0;
        }
    }

    /**
     * After {@code <?} and the target, in bytes[start, end), followed by {@code c}: the rest of a
     * processing instruction, skipped; its target must not be "xml" in any case.
     */
    void processingInstruction(byte[] bytes, int start, int end, int c) throws IOException {
        if (end - start == 3 && (bytes[start] | 0x20) == 'x' && (bytes[start + 1] | 0x20) == 'm'
                && (bytes[start + 2] | 0x20) == 'l') {
            throw input.malformed("The processing instruction target matching \"[xX][mM][lL]\" is not allowed.");
        }
        if (c == '?') {
            c = input.read();
            if (c == '>') {
                return;
            }
            // even at the end of the input, as the JDK's reader (it wants "?>" or white space)
            throw input.malformed("White space is required between the target and the data of a processing instruction.");
        }
        if (!isSpace(c)) {
            throw c == EOF ? truncated() : input.malformed("White space is required between the target and the data of a processing instruction.");
        }
        boolean question = false;
        while (true) {
            c = input.read();
            if (c == EOF) {
                throw truncated();
            }
            if (question && c == '>') {
                return;
            }
            question = c == '?';
        }
    }

    /** The XML declaration, if the document starts with one (after an optional byte order mark). */
    void declaration() throws IOException {
        if (!input.fill()) {
            return;
        }
        if (input.limit - input.pos >= 3 && (input.buf[input.pos] & 0xFF) == 0xEF && (input.buf[input.pos + 1] & 0xFF) == 0xBB && (input.buf[input.pos + 2] & 0xFF) == 0xBF) {
            input.pos += 3;
        }
        byte[] head = "<?xml".getBytes(StandardCharsets.US_ASCII);
        if (input.limit - input.pos < 6) {
            return;
        }
        for (int i = 0; i < head.length; i++) {
            if (input.buf[input.pos + i] != head[i]) {
                return;
            }
        }
        int after = input.buf[input.pos + 5];
        if (!isSpace(after) && after != '?') {
            return;
        }
        input.pos += 5;
        String version = pseudoAttribute("version", true);
        if (!version.equals("1.0")) {
            throw input.malformed("XML version \"" + version + "\" is not supported by this reader.");
        }
        String encoding = pseudoAttribute("encoding", false);
        if (encoding != null && !encoding.matches("[A-Za-z][A-Za-z0-9._-]*")) {
            throw input.malformed("The encoding name is not valid.");
        }
        String standalone = pseudoAttribute("standalone", false);
        if (standalone != null && !standalone.equals("yes") && !standalone.equals("no")) {
            throw input.malformed("The standalone document declaration value must be \"yes\" or \"no\".");
        }
        int c = input.read();
        while (isSpace(c)) {
            c = input.read();
        }
        if (c != '?') {
            throw c == EOF ? truncated() : input.malformed("The XML declaration must end with \"?>\".");
        }
        c = input.read();
        if (c != '>') {
            throw c == EOF ? truncated() : input.malformed("The XML declaration must end with \"?>\".");
        }
    }

    /** {@code S name S? = S? "value"} in the declaration; null when the next thing is not this name and it is optional. */
    private String pseudoAttribute(String name, boolean required) throws IOException {
        int c = input.read();
        boolean space = false;
        while (isSpace(c)) {
            space = true;
            c = input.read();
        }
        if (c != name.charAt(0) || !space) {
            if (required) {
                throw c == EOF ? truncated() : input.malformed("The version is required in the XML declaration.");
            }
            input.pushed = c;
            if (space) {
                input.pushSpace = true;
            }
            return null;
        }
        expect(name.substring(1));
        c = input.read();
        while (isSpace(c)) {
            c = input.read();
        }
        if (c != '=') {
            throw c == EOF ? truncated() : input.malformed("The ' = ' character must follow \"" + name + "\" in the XML declaration.");
        }
        c = input.read();
        while (isSpace(c)) {
            c = input.read();
        }
        if (c != '"' && c != '\'') {
            throw c == EOF ? truncated() : input.malformed("The value following \"" + name + "\" in the XML declaration must be a quoted string.");
        }
        StringBuilder value = new StringBuilder();
        while (true) {
            int d = input.read();
            if (d == c) {
                return value.toString();
            }
            if (d == EOF) {
                throw truncated();
            }
            if (d == '<' || value.length() > 64) {
                throw input.malformed("The XML declaration is not well-formed.");
            }
            value.appendCodePoint(d);
        }
    }

    void expect(String rest) throws IOException {
        for (int i = 0; i < rest.length(); i++) {
            int c = input.read();
            if (c != rest.charAt(i)) {
                throw markupError(c);
            }
        }
    }
}
