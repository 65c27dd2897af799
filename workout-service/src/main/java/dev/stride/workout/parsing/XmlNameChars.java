package dev.stride.workout.parsing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Which non-ASCII characters may start or continue an XML name, exactly as the JDK's StAX reader
 * (the reference for {@link Utf8XmlReader}) decides: it uses the XML 1.0 tables from before the
 * fifth edition (Unicode 2.0 letters, digits, combining characters and extenders; nothing above
 * U+FFFF), which no JDK API exposes. So each character is asked of that reader once, with a
 * two-element document, and the answer kept: at most 65,536 small parses for the life of the
 * process, and none for the ASCII names of real GPX and TCX files. Concurrent callers may ask for
 * the same character twice; they get the same answer.
 */
final class XmlNameChars {

    private static final byte UNKNOWN = 0;
    private static final byte NONE = 1;
    private static final byte PART = 2;
    private static final byte START = 3;
    private static final byte[] CLASS = new byte[0x10000];

    private XmlNameChars() {
    }

    static boolean isNameStart(int c) {
        return classify(c) == START;
    }

    static boolean isNameChar(int c) {
        return classify(c) >= PART;
    }

    private static byte classify(int c) {
        if (c >= 0x10000 || c < 0x80 || Character.isSurrogate((char) c) || !XmlChars.isXmlChar(c)) {
            return NONE;
        }
        byte known = CLASS[c];
        if (known != UNKNOWN) {
            return known;
        }
        String ch = String.valueOf((char) c);
        byte found = wellFormed("<" + ch + "/>") ? START : wellFormed("<a" + ch + "/>") ? PART : NONE;
        CLASS[c] = found;
        return found;
    }

    private static boolean wellFormed(String document) {
        try {
            XMLStreamReader r = SafeXml.reader(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
            try {
                while (r.hasNext()) {
                    r.next();
                }
                return true;
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return false;
        }
    }
}
