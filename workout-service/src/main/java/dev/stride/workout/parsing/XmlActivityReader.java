package dev.stride.workout.parsing;

import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads an XML activity: the root element decides between GPX and TCX. */
final class XmlActivityReader {

    private XmlActivityReader() {
    }

    static ParsedActivity read(InputStream in, ParserLimits limits) {
        XMLStreamReader xml = null;
        try {
            xml = SafeXml.reader(new XmlRunLimit(in));
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
            String root = xml.getLocalName();
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
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

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
            if (shortDetail.contains("entity") || shortDetail.contains("Entity")) {
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
