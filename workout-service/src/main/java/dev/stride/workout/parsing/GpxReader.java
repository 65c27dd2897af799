package dev.stride.workout.parsing;

import dev.stride.workout.workouts.Sport;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * GPX 1.0 and 1.1. Every {@code trk} and every {@code trkseg} of the file is read; a new segment
 * (and a new track) starts a new {@link TrackPoints} segment, because GPX defines a segment as a
 * continuous span of recording. Per point: {@code ele}, {@code time}, GPX 1.0 {@code speed}, and
 * in any extension (Garmin TrackPointExtension v1/v2 and look-alikes, matched by local name)
 * {@code hr}, {@code cad}, {@code atemp}, {@code power}, {@code speed}. Routes and waypoints are
 * ignored. The sport is the first {@code trk/type}; the device model is the {@code creator}.
 */
final class GpxReader {

    private final XMLStreamReader xml;
    private final TrackPointsBuilder points;
    private final ParserLimits limits;
    private String creator;
    private String type;
    private int tracks;
    private int untimed;

    GpxReader(XMLStreamReader xml, ParserLimits limits) {
        this.xml = xml;
        this.limits = limits;
        this.points = new TrackPointsBuilder(limits.maxPoints());
    }

    /** Called with the reader on the root {@code gpx} start element. */
    ParsedActivity read() throws XMLStreamException {
        creator = xml.getAttributeValue(null, "creator");
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (depth == 1 && name.equals("trk")) {
                    readTrack();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlActivityReader.truncated("GPX");
            }
        }
        if (tracks == 0) {
            throw new WorkoutFileException(WorkoutFileException.Reason.NO_TRACK, "The GPX file has no track");
        }
        if (points.size() == 0) {
            throw new WorkoutFileException(WorkoutFileException.Reason.NO_TRACK, "The GPX track has no points");
        }
        boolean timed = untimed < points.size();
        if (!timed && limits.requireTimestamps()) {
            throw new WorkoutFileException(WorkoutFileException.Reason.NO_TIMESTAMPS,
                    "The GPX track has no timestamps");
        }
        TrackPoints track = points.build(timed);
        Instant start = track.hasAnyTime() ? Instant.ofEpochMilli(track.time(0)) : null;
        Instant end = track.hasAnyTime() ? Instant.ofEpochMilli(track.time(track.size() - 1)) : null;
        Sport sport = SportNames.fromText(type);
        return new ParsedActivity(FileFormat.GPX, sport, type, start, null, creator, track, List.of(),
                List.of(new ParsedSession(sport, type, start, end, 0, track.size(), DeviceTotals.NONE)),
                DeviceTotals.NONE, List.of(), points.stats());
    }

    private void readTrack() throws XMLStreamException {
        tracks++;
        points.newSegment();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (depth == 1 && name.equals("type")) {
                    String t = xml.getElementText().trim();
                    if (type == null && !t.isEmpty()) {
                        type = t;
                    }
                } else if (depth == 1 && name.equals("trkseg")) {
                    points.newSegment();
                    depth++;
                } else if (depth == 2 && name.equals("trkpt")) {
                    readPoint();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlActivityReader.truncated("GPX");
            }
        }
    }

    private void readPoint() throws XMLStreamException {
        String latText = xml.getAttributeValue(null, "lat");
        String lonText = xml.getAttributeValue(null, "lon");
        if (latText == null || lonText == null) {
            throw new WorkoutFileException(WorkoutFileException.Reason.MALFORMED,
                    "A GPX track point has no lat/lon attributes");
        }
        double lat = XmlText.number(latText, "trkpt lat", "GPX");
        double lon = XmlText.number(lonText, "trkpt lon", "GPX");
        XmlText.checkPosition(lat, lon, "GPX");
        long time = TrackPoints.NO_TIME;
        float ele = Float.NaN;
        float hr = Float.NaN;
        float cad = Float.NaN;
        float power = Float.NaN;
        float temp = Float.NaN;
        float speed = Float.NaN;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                switch (name) {
                    case "ele" -> ele = XmlText.optionalFloat(xml.getElementText(), name, "GPX");
                    case "time" -> {
                        if (depth == 1) {
                            time = XmlText.epochMillis(xml.getElementText(), "GPX");
                        } else {
                            xml.getElementText();
                        }
                    }
                    case "hr" -> hr = XmlText.optionalFloat(xml.getElementText(), name, "GPX");
                    case "cad" -> cad = XmlText.optionalFloat(xml.getElementText(), name, "GPX");
                    case "atemp" -> temp = XmlText.optionalFloat(xml.getElementText(), name, "GPX");
                    case "power", "PowerInWatts" -> power = XmlText.optionalFloat(xml.getElementText(), name, "GPX");
                    case "speed" -> speed = XmlText.optionalFloat(xml.getElementText(), name, "GPX");
                    default -> depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlActivityReader.truncated("GPX");
            }
        }
        if (time == TrackPoints.NO_TIME) {
            untimed++;
        }
        points.add(time, lat, lon, ele, Double.NaN, hr, cad, power, temp, speed);
    }
}
