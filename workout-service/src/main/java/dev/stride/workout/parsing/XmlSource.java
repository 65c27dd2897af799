package dev.stride.workout.parsing;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * The pull events {@link XmlWalker} needs, from either of the two XML readers: {@link StaxSource}
 * (the JDK's StAX, for any encoding) or {@link Utf8XmlReader} (ours, for UTF-8 and US-ASCII).
 * Events are the StAX constants; a source reports text as {@link XMLStreamConstants#CHARACTERS}
 * only (CDATA, whitespace and predefined entities included) and may skip comments and processing
 * instructions.
 */
interface XmlSource extends AutoCloseable {

    /** The next event: START_ELEMENT, END_ELEMENT, CHARACTERS, END_DOCUMENT, or (StAX only) others. */
    int next() throws XMLStreamException;

    /**
     * {@link #next} for a caller that ignores text: the first event that is not CHARACTERS. The
     * text is read and checked all the same (the same documents are refused, for the same reasons);
     * a source may only save handing it out.
     */
    default int nextMarkup() throws XMLStreamException {
        int event;
        do {
            event = next();
        } while (event == XMLStreamConstants.CHARACTERS);
        return event;
    }

    /** The local name of the current start or end tag. */
    String localName();

    /** The value of the current start tag's first attribute with this local name (any namespace), or null. */
    String attribute(String localName);

    /**
     * The same value as {@link #attribute} without making a String where the reader can avoid it;
     * valid until the next call on this source.
     */
    CharSequence attributeChars(String localName);

    /** The characters of a CHARACTERS event: {@link #textChars()} from {@link #textStart()}, {@link #textLength()} of them. */
    char[] textChars();

    int textStart();

    int textLength();

    @Override
    void close();
}
