package dev.stride.workout.parsing;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one place that creates XML readers for uploaded files. DTDs are not supported, external
 * entities are neither resolved nor replaced, external access is denied, and every
 * implementation-specific limit we know is set. On top of that, {@link XmlActivityReader}
 * rejects any document that contains a DOCTYPE at all: GPX and TCX never need one.
 *
 * <p>Which StAX implementation {@link XMLInputFactory#newFactory()} returns depends on the
 * classpath: today it is the JDK's built-in one (no Woodstox on workout-service's classpath,
 * asserted by a test); the Woodstox limit properties are applied too when it is Woodstox.
 */
final class SafeXml {

    private static final XMLInputFactory FACTORY = create();

    private SafeXml() {
    }

    static XMLInputFactory create() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resources are not loaded: " + systemId);
        });
        setIfSupported(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // JDK (com.sun.xml.internal.stream) limits
        // The JDK counts the five predefined entities (&amp; ...) in these three limits, and they
        // are the only entities a document without a DTD can have (one character each): limits of
        // 1 refused real files with two of them. No limit (0), as Utf8XmlReader; a DOCTYPE is
        // refused before any of it matters (XmlActivityReader).
        setIfSupported(f, "jdk.xml.entityExpansionLimit", "0");
        setIfSupported(f, "jdk.xml.maxGeneralEntitySizeLimit", "0");
        setIfSupported(f, "jdk.xml.maxParameterEntitySizeLimit", "0");
        setIfSupported(f, "jdk.xml.totalEntitySizeLimit", "0");
        // names and namespace URIs are bounded by XmlRunLimit (1 MB) on both readers; the JDK's own
        // 1,000-character name limit made it refuse a long namespace URI the fast reader accepts
        setIfSupported(f, "jdk.xml.maxXMLNameLimit", Integer.toString(XmlRunLimit.MAX_RUN));
        setIfSupported(f, "jdk.xml.maxElementDepth", "64");
        setIfSupported(f, "jdk.xml.elementAttributeLimit", "64");
        // Woodstox (com.ctc.wstx.api.WstxInputProperties) limits, when Woodstox is the implementation
        setIfSupported(f, "com.ctc.wstx.maxEntityCount", 1L);
        setIfSupported(f, "com.ctc.wstx.maxEntityDepth", 1);
        setIfSupported(f, "com.ctc.wstx.maxElementDepth", 64);
        setIfSupported(f, "com.ctc.wstx.maxAttributesPerElement", 64);
        setIfSupported(f, "com.ctc.wstx.maxAttributeSize", 65_536);
        setIfSupported(f, "com.ctc.wstx.maxTextLength", 1_048_576);
        setIfSupported(f, "com.ctc.wstx.maxDtdLength", 0L);
        return f;
    }

    private static void setIfSupported(XMLInputFactory f, String name, Object value) {
        if (f.isPropertySupported(name)) {
            try {
                f.setProperty(name, value);
            } catch (IllegalArgumentException ignored) {
                // the implementation knows the name but not this value type: the other settings still hold
            }
        }
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    static String implementation() {
        return FACTORY.getClass().getName();
    }
}
