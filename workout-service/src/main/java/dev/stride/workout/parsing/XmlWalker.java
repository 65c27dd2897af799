package dev.stride.workout.parsing;

import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * The one loop over the elements of a GPX or TCX document: {@link #walk} visits every element
 * inside the current one and stops at the current one's end tag, so a reader only says what it
 * does with the elements it knows. Elements it does not know, at any depth, are walked through
 * (their children are visited too: extensions nest the values readers want). A document that
 * ends inside the element is truncated.
 */
final class XmlWalker {

    /** What a reader does with one element inside the walked one. */
    @FunctionalInterface
    interface Element {
        /**
         * @param name  the element's local name (namespaces vary between writers; names do not)
         * @param depth 1 for a direct child of the walked element, 2 for a grandchild, ...
         * @return true when the element was read up to and including its end tag (its text, or a
         *         nested {@link #walk}), false to have the walker go into it
         */
        boolean read(String name, int depth) throws XMLStreamException;
    }

    private final XmlSource xml;
    private final String format;
    private final IsoTime isoTime = new IsoTime();
    private char[] text = new char[64];
    private int length;

    XmlWalker(XmlSource xml, String format) {
        this.xml = xml;
        this.format = format;
    }

    /** Called with the reader on a start tag; returns with it on the matching end tag. */
    void walk(Element element) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.nextMarkup();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!element.read(xml.localName(), depth)) {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlActivityReader.truncated(format);
            }
        }
    }

    /** An attribute of the current start tag (any namespace), or null. */
    String attribute(String name) {
        return xml.attribute(name);
    }

    /**
     * A number attribute of the current start tag, read without a String where the reader allows;
     * MALFORMED with {@code missing} as the message when it is absent.
     */
    double numberAttribute(String name, String element, String missing) {
        CharSequence value = xml.attributeChars(name);
        if (value == null) {
            throw new WorkoutFileException(WorkoutFileException.Reason.MALFORMED, missing);
        }
        double fast = value instanceof CharView view ? view.fastNumber() : XmlText.fastNumber(value, 0, value.length());
        return Double.isNaN(fast) ? XmlText.number(value.toString(), element, format) : fast;
    }

    /** The text of the current element, which must have no child elements; reads its end tag. */
    String text() throws XMLStreamException {
        readText();
        return new String(text, 0, length);
    }

    double number(String element) throws XMLStreamException {
        readText();
        double fast = XmlText.fastNumber(text, start(), end());
        return Double.isNaN(fast) ? XmlText.number(new String(text, 0, length), element, format) : fast;
    }

    /** NaN when the element is empty. */
    float optionalFloat(String element) throws XMLStreamException {
        readText();
        if (start() == end()) {
            return Float.NaN;
        }
        double fast = XmlText.fastNumber(text, start(), end());
        return Double.isNaN(fast) ? XmlText.optionalFloat(new String(text, 0, length), element, format) : (float) fast;
    }

    long epochMillis() throws XMLStreamException {
        readText();
        long fast = isoTime.epochMillis(text, start(), end());
        return fast != IsoTime.NOT_FAST ? fast : XmlText.epochMillis(new String(text, 0, length), format);
    }

    /**
     * Reads the current element's text into {@link #text} (reused from element to element, so
     * the hundreds of thousands of numbers and times of a file make no String each) and its end
     * tag. What {@code XMLStreamReader.getElementText} does, without the String.
     */
    private void readText() throws XMLStreamException {
        length = 0;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS -> append(xml.textChars(), xml.textStart(), xml.textLength());
                case XMLStreamConstants.END_ELEMENT -> {
                    return;
                }
                case XMLStreamConstants.END_DOCUMENT -> throw XmlActivityReader.truncated(format);
                case XMLStreamConstants.START_ELEMENT -> throw new WorkoutFileException(
                        WorkoutFileException.Reason.MALFORMED, "The " + format + " file has an element <"
                        + xml.localName() + "> where only a value is allowed");
                default -> {
                    // comments and processing instructions inside a value are skipped, as getElementText does
                }
            }
        }
    }

    private void append(char[] chars, int from, int count) {
        if (length + count > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, length + count));
        }
        System.arraycopy(chars, from, text, length, count);
        length += count;
    }

    /** The text without leading and trailing whitespace, as String.trim sees it. */
    private int start() {
        int i = 0;
        while (i < length && text[i] <= ' ') {
            i++;
        }
        return i;
    }

    private int end() {
        int i = length;
        while (i > 0 && text[i - 1] <= ' ') {
            i--;
        }
        return Math.max(i, start());
    }
}
