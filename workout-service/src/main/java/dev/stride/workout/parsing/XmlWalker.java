package dev.stride.workout.parsing;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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

    private final XMLStreamReader xml;
    private final String format;

    XmlWalker(XMLStreamReader xml, String format) {
        this.xml = xml;
        this.format = format;
    }

    /** Called with the reader on a start tag; returns with it on the matching end tag. */
    void walk(Element element) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!element.read(xml.getLocalName(), depth)) {
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
        return xml.getAttributeValue(null, name);
    }

    /** The text of the current element, which must have no child elements; reads its end tag. */
    String text() throws XMLStreamException {
        return xml.getElementText();
    }

    double number(String element) throws XMLStreamException {
        return XmlText.number(text(), element, format);
    }

    /** NaN when the element is empty. */
    float optionalFloat(String element) throws XMLStreamException {
        return XmlText.optionalFloat(text(), element, format);
    }

    long epochMillis() throws XMLStreamException {
        return XmlText.epochMillis(text(), format);
    }
}
