package dev.stride.workout.parsing;

import static dev.stride.workout.parsing.XmlBytes.is;
import static dev.stride.workout.parsing.XmlBytes.isXmlns;
import static dev.stride.workout.parsing.XmlBytes.string;

import java.util.Arrays;

/**
 * The attributes of {@link Utf8XmlReader}'s current start tag: qualified names as UTF-8 bytes,
 * values as chars, both one after the other in arrays reused from tag to tag, so that a start
 * tag costs no allocation. It checks what XML and namespaces say about them (no repeats, allowed
 * declarations, bound prefixes) and finds them by local name for the walker.
 */
final class TagAttributes {

    private final Utf8Input input;
    /** The reader reads each name straight into these bytes; {@link #name} then records where it is. */
    byte[] names = new byte[512];
    private final int[] nameStart = new int[Utf8XmlReader.MAX_ATTRIBUTES + 2];
    private final int[] nameEnd = new int[Utf8XmlReader.MAX_ATTRIBUTES + 2];
    private final int[] colon = new int[Utf8XmlReader.MAX_ATTRIBUTES + 2];
    private char[] values = new char[512];
    private final int[] valueStart = new int[Utf8XmlReader.MAX_ATTRIBUTES + 2];
    private final int[] valueEnd = new int[Utf8XmlReader.MAX_ATTRIBUTES + 2];
    private int count;
    private int valueLength;
    private final CharView chars = new CharView();

    /** @param input where the tag is read, for the line of a message */
    TagAttributes(Utf8Input input) {
        this.input = input;
    }

    void clear() {
        count = 0;
        valueLength = 0;
    }

    /** The next attribute's qualified name is in names[start, end), with its colon (or -1). */
    void name(int start, int end, int colon) {
        nameStart[count] = start;
        nameEnd[count] = end;
        this.colon[count] = colon;
    }

    /** The value of the attribute just named, in value[0, length): kept, and the attribute checked and counted. */
    void value(char[] value, int length) {
        if (valueLength + length > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, valueLength + length));
        }
        System.arraycopy(value, 0, values, valueLength, length);
        valueStart[count] = valueLength;
        valueLength += length;
        valueEnd[count] = valueLength;
        // the JDK's reader finds a repeated namespace declaration as soon as it has read its
        // value, other repeated attributes at the end of the tag (in declare())
        if (isNamespaceDeclaration(count)) {
            checkRepeated(count);
            checkDeclaration(count);
        }
        if (++count > Utf8XmlReader.MAX_ATTRIBUTES) {
            throw input.malformed("The element has more than " + Utf8XmlReader.MAX_ATTRIBUTES + " attributes.");
        }
    }

    private boolean isNamespaceDeclaration(int a) {
        int ac = colon[a];
        return ac < 0 ? isXmlns(names, nameStart[a], nameEnd[a]) : isXmlns(names, nameStart[a], ac);
    }

    /** Namespace declaration {@code a} must not bind a reserved prefix or namespace, nor a prefix to "". */
    private void checkDeclaration(int a) {
        int ac = colon[a];
        String uri = valueString(a);
        String prefix = ac < 0 ? "" : string(names, ac + 1, nameEnd[a]);
        if (prefix.equals("xmlns") || uri.equals(NamespaceScope.XMLNS_URI) || prefix.equals("xml") != uri.equals(NamespaceScope.XML_URI)
                || ac >= 0 && uri.isEmpty()) {
            throw input.malformed("The namespace declaration of \"" + prefix + "\" is not allowed.");
        }
    }

    /** Attribute {@code a} must not repeat the qualified name of an earlier one. */
    private void checkRepeated(int a) {
        for (int b = 0; b < a; b++) {
            if (Arrays.equals(names, nameStart[a], nameEnd[a], names, nameStart[b], nameEnd[b])) {
                throw input.malformed("Attribute \"" + string(names, nameStart[b], nameEnd[b])
                        + "\" was already specified for the element.");
            }
        }
    }

    /** The tag's namespace declarations into the scope; the other attributes must not repeat a name. */
    void declare(NamespaceScope namespaces) {
        for (int a = 0; a < count; a++) {
            int ac = colon[a];
            if (!isNamespaceDeclaration(a)) {
                checkRepeated(a);
                continue;
            }
            namespaces.declare(ac < 0 ? new byte[0] : Arrays.copyOfRange(names, ac + 1, nameEnd[a]), valueString(a));
        }
    }

    /** Prefixed attributes: bound, and no two with the same namespace and local name. */
    void checkPrefixes(NamespaceScope namespaces) {
        for (int a = 0; a < count; a++) {
            int ac = colon[a];
            if (ac < 0 || isXmlns(names, nameStart[a], ac)) {
                continue;
            }
            String uri = namespaces.uri(names, nameStart[a], ac);
            if (uri == null) {
                throw input.malformed("The prefix \"" + string(names, nameStart[a], ac) + "\" for attribute \""
                        + string(names, nameStart[a], nameEnd[a]) + "\" is not bound.");
            }
            for (int b = 0; b < a; b++) {
                int bc = colon[b];
                if (bc >= 0 && !isXmlns(names, nameStart[b], bc)
                        && Arrays.equals(names, ac + 1, nameEnd[a], names, bc + 1, nameEnd[b])
                        && uri.equals(namespaces.uri(names, nameStart[b], bc))) {
                    throw input.malformed("Attribute \"" + string(names, ac + 1, nameEnd[a])
                            + "\" bound to namespace \"" + uri + "\" was already specified for the element.");
                }
            }
        }
    }

    private String valueString(int a) {
        return new String(values, valueStart[a], valueEnd[a] - valueStart[a]);
    }

    /** See {@link XmlSource#attribute}. */
    String get(String localName) {
        int a = index(localName);
        return a < 0 ? null : valueString(a);
    }

    /** See {@link XmlSource#attributeChars}: a view reused for the next lookup. */
    CharSequence chars(String localName) {
        int a = index(localName);
        if (a < 0) {
            return null;
        }
        chars.set(values, valueStart[a], valueEnd[a]);
        return chars;
    }

    /** The first attribute with this local name that is not a namespace declaration, or -1. */
    private int index(String localName) {
        for (int a = 0; a < count; a++) {
            int ac = colon[a];
            int s = ac < 0 ? nameStart[a] : ac + 1;
            if (is(names, s, nameEnd[a], localName)
                    && !(ac < 0 ? localName.equals("xmlns") : isXmlns(names, nameStart[a], ac))) {
                return a;
            }
        }
        return -1;
    }
}
