package dev.stride.workout.parsing;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** {@link XmlSource} over the JDK's StAX reader ({@link SafeXml}): the reference, and the path for encodings other than UTF-8. */
final class StaxSource implements XmlSource {

    private final XMLStreamReader xml;
    private char[] entity;

    StaxSource(XMLStreamReader xml) {
        this.xml = xml;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = xml.next();
        entity = null;
        switch (event) {
            case XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                return XMLStreamConstants.CHARACTERS;
            }
            case XMLStreamConstants.ENTITY_REFERENCE -> {
                entity = xml.getText().toCharArray();
                return XMLStreamConstants.CHARACTERS;
            }
            default -> {
                return event;
            }
        }
    }

    @Override
    public String localName() {
        return xml.getLocalName();
    }

    @Override
    public String attribute(String localName) {
        return xml.getAttributeValue(null, localName);
    }

    @Override
    public CharSequence attributeChars(String localName) {
        return attribute(localName);
    }

    @Override
    public char[] textChars() {
        return entity != null ? entity : xml.getTextCharacters();
    }

    @Override
    public int textStart() {
        return entity != null ? 0 : xml.getTextStart();
    }

    @Override
    public int textLength() {
        return entity != null ? entity.length : xml.getTextLength();
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // nothing left to release
        }
    }
}
