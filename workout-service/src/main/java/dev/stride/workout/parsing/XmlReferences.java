package dev.stride.workout.parsing;

import static dev.stride.workout.parsing.Utf8Input.EOF;
import static dev.stride.workout.parsing.Utf8Input.truncated;
import static dev.stride.workout.parsing.XmlChars.isNameChar;
import static dev.stride.workout.parsing.XmlChars.isNameStart;
import static dev.stride.workout.parsing.XmlChars.isXmlChar;

import java.io.IOException;

/**
 * The references {@link Utf8XmlReader} allows in text and attribute values: the five predefined
 * entities and character references. With no DTD there is nothing else to expand, so any other
 * entity is refused as UNSAFE_XML.
 */
final class XmlReferences {

    private XmlReferences() {
    }

    /** After {@code &}: the character a predefined entity or a character reference stands for. */
    static int read(Utf8Input input) throws IOException {
        int c = readInReference(input);
        if (c == '#') {
            int value = 0;
            int digits = 0;
            c = readInReference(input);
            boolean hex = c == 'x';
            if (hex) {
                c = readInReference(input);
            }
            while (c != ';') {
                int digit = c >= '0' && c <= '9' ? c - '0'
                        : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
                if (digit < 0) {
                    throw c == EOF ? truncated() : input.malformed(digits == 0
                            ? "A decimal or hexadecimal representation must immediately follow \"&#\" in a character reference."
                            : "The character reference must end with the ';' delimiter.");
                }
                value = Math.min(value * (hex ? 16 : 10) + digit, 0x110000);
                digits++;
                c = readInReference(input);
            }
            if (digits == 0) {
                throw input.malformed("A decimal or hexadecimal representation must immediately follow \"&#\" in a character reference.");
            }
            if (!isXmlChar(value)) {
                throw input.malformed("Character reference \"&#" + value + "\" is an invalid XML character.");
            }
            return value;
        }
        if (c == EOF) {
            throw truncated();
        }
        if (!isNameStart(c)) {
            throw unsafe("The entity name must immediately follow the '&' in the entity reference.");
        }
        StringBuilder entity = new StringBuilder();
        while (isNameChar(c)) {
            if (entity.length() < 16) {
                entity.appendCodePoint(c);
            }
            c = readInReference(input);
        }
        if (c != ';') {
            throw c == EOF ? truncated() : unsafe("The reference to entity \"" + entity + "\" must end with the ';' delimiter.");
        }
        return switch (entity.toString()) {
            case "lt" -> '<';
            case "gt" -> '>';
            case "amp" -> '&';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> throw unsafe("The entity \"" + entity + "\" was referenced, but not declared.");
        };
    }

    /**
     * {@link Utf8Input#read} inside a reference, where the JDK's reader reports a character that
     * does not belong there (a ';' or name character expected) before it checks that it is an XML
     * character at all: such a character comes back as 0, which fits nowhere in a reference.
     */
    private static int readInReference(Utf8Input input) throws IOException {
        try {
            return input.read();
        } catch (WorkoutFileException e) {
            if (e.getMessage().contains("invalid XML character")) {
                return 0;
            }
            throw e;
        }
    }

    private static WorkoutFileException unsafe(String reason) {
        return new WorkoutFileException(WorkoutFileException.Reason.UNSAFE_XML,
                "The file uses XML entities that are not allowed: " + reason);
    }
}
