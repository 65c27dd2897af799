package dev.stride.workout.parsing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Reads an XML activity: the root element decides between GPX and TCX. UTF-8 and US-ASCII
 * documents are read by {@link Utf8XmlReader}, all others by the JDK's StAX reader
 * ({@link SafeXml}), which stays the reference the tests compare ours with (ADR 0015).
 */
final class XmlActivityReader {

    private XmlActivityReader() {
    }

    static ParsedActivity read(InputStream in, ParserLimits limits) {
        return read(in, limits, true);
    }

    /**
     * @param fast whether {@link Utf8XmlReader} may read the document (when {@link #fastEncoding}
     *             says it can); false only in tests, which compare both readers
     */
    static ParsedActivity read(InputStream in, ParserLimits limits, boolean fast) {
        XmlSource xml = null;
        try {
            InputStream input = in.markSupported() ? in : new BufferedInputStream(in, 65_536);
            int encoding = fast ? fastEncoding(input) : NOT_FAST;
            InputStream limited = new XmlRunLimit(input);
            xml = encoding == NOT_FAST ? new StaxSource(SafeXml.reader(limited))
                    : new Utf8XmlReader(limited, encoding == ASCII);
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new WorkoutFileException(WorkoutFileException.Reason.UNSAFE_XML,
                            "The file contains a document type declaration (DOCTYPE), which activity files never need;"
                                    + " it was not read");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    break;
                }
                if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw notAnActivity();
                }
            }
            String root = xml.localName();
            if (root.equals("gpx")) {
                return new GpxReader(new XmlWalker(xml, "GPX"), limits).read();
            }
            if (root.equals("TrainingCenterDatabase")) {
                return new TcxReader(new XmlWalker(xml, "TCX"), limits).read();
            }
            throw notAnActivity();
        } catch (XMLStreamException | RuntimeException e) {
            throw translate(e);
        } finally {
            if (xml != null) {
                xml.close();
            }
        }
    }

    static final int NOT_FAST = 0;
    static final int UTF8 = 1;
    static final int ASCII = 2;
    private static final int HEAD = 256;

    /**
     * Which reader the document needs, from its first bytes (the stream is reset to where it
     * was): {@link #UTF8} or {@link #ASCII} when there is no byte order mark or a UTF-8 one and
     * the XML declaration is absent or says version 1.0 and encoding UTF-8 or US-ASCII (any case);
     * {@link #NOT_FAST} otherwise, and then the JDK's StAX reads it.
     */
    static int fastEncoding(InputStream in) {
        byte[] head;
        try {
            head = WorkoutFileParser.peek(in, HEAD);
        } catch (IOException e) {
            // the input fails within its first bytes (gzip data that ends early): StAX reads it
            // and reports it as it always did
            return NOT_FAST;
        }
        return fastEncoding(head, head.length);
    }

    static int fastEncoding(byte[] head, int n) {
        int i = 0;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        } else if (n >= 2 && ((head[0] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFF || head[0] == 0 || head[1] == 0)) {
            return NOT_FAST;
        }
        String text = new String(head, i, n - i, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("<?xml") || text.length() > 5 && XmlChars.isNameChar(text.charAt(5))) {
            return UTF8; // no declaration (a processing instruction such as <?xml-stylesheet is not one)
        }
        int end = text.indexOf("?>");
        if (end < 0) {
            return NOT_FAST;
        }
        Matcher declaration = DECLARATION.matcher(text.substring(0, end + 2));
        if (!declaration.matches()) {
            return NOT_FAST;
        }
        String encoding = declaration.group(2) != null ? declaration.group(2) : declaration.group(3);
        if (encoding == null || encoding.equalsIgnoreCase("UTF-8")) {
            return UTF8;
        }
        return encoding.equalsIgnoreCase("US-ASCII") ? ASCII : NOT_FAST;
    }

    private static final Pattern DECLARATION = Pattern.compile(
            "<\\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(\"1\\.0\"|'1\\.0')"
                    + "(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:\"([A-Za-z][A-Za-z0-9._-]*)\"|'([A-Za-z][A-Za-z0-9._-]*)'))?"
                    + "(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:\"(?:yes|no)\"|'(?:yes|no)'))?"
                    + "[ \t\r\n]*\\?>");

    static WorkoutFileException notAnActivity() {
        return new WorkoutFileException(WorkoutFileException.Reason.UNSUPPORTED_FORMAT,
                "The file is not a GPX, TCX or FIT activity");
    }

    static WorkoutFileException truncated(String format) {
        return new WorkoutFileException(WorkoutFileException.Reason.TRUNCATED,
                "The " + format + " file is truncated");
    }

    private static WorkoutFileException translate(Exception e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof WorkoutFileException w) {
                return w;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        if (e instanceof XMLStreamException xse) {
            String detail = xse.getMessage() == null ? "" : xse.getMessage();
            int idx = detail.indexOf("Message: ");
            String shortDetail = idx >= 0 ? detail.substring(idx + 9) : detail;
            if (shortDetail.contains("XML document structures must start and end")
                    || shortDetail.toLowerCase().contains("end of file") || shortDetail.contains("Premature end")) {
                return new WorkoutFileException(WorkoutFileException.Reason.TRUNCATED,
                        "The file is truncated (the XML ends before the document is complete)", e);
            }
            // names from the file are quoted in the message ("creatorEntity"): not an entity problem
            String unquoted = shortDetail.replaceAll("\"[^\"]*(\"|$)", "\"\"");
            // and namespace errors are a URL with the names after it (#AttributePrefixUnbound?a&p:b&p)
            boolean namespaceError = shortDetail.startsWith("http://www.w3.org/TR/1999/REC-xml-names");
            if (!namespaceError && (unquoted.contains("entity") || unquoted.contains("Entity"))) {
                return new WorkoutFileException(WorkoutFileException.Reason.UNSAFE_XML,
                        "The file uses XML entities that are not allowed: " + XmlText.abbreviate(shortDetail), e);
            }
            String where = xse.getLocation() == null ? "" : " at line " + xse.getLocation().getLineNumber();
            return new WorkoutFileException(WorkoutFileException.Reason.MALFORMED,
                    "The file is not well-formed XML" + where + ": " + shortDetail.strip(), e);
        }
        if (e instanceof RuntimeException re) {
            return new WorkoutFileException(WorkoutFileException.Reason.MALFORMED,
                    "The XML activity file could not be read: " + re.getClass().getSimpleName(), e);
        }
        return new WorkoutFileException(WorkoutFileException.Reason.MALFORMED, "The XML activity file could not be read", e);
    }
}
