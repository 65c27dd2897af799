package dev.stride.workout.parsing;

import dev.stride.workout.workouts.Sport;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * GPX 1.0 and 1.1. Every {@code trk} and every {@code trkseg} of the file is read; a new segment
 * (and a new track) starts a new {@link TrackPoints} segment, because GPX defines a segment as a
 * continuous span of recording. Per point: {@code ele}, {@code time}, GPX 1.0 {@code speed}, and
 * in any extension (Garmin TrackPointExtension v1/v2 and look-alikes, matched by local name)
 * {@code hr}, {@code cad}, {@code atemp}, {@code power}, {@code speed}. Routes and waypoints are
 * ignored. The sport is the first {@code trk/type}; the device model is the {@code creator}.
 */
final class GpxReader {

    private static final String NO_POSITION = "A GPX track point has no lat/lon attributes";

    private final XmlWalker xml;
    private final TrackPointsBuilder points;
    private final ParserLimits limits;
    private final XmlWalker.Element gpxChild = this::gpxChild;
    private final XmlWalker.Element trackChild = this::trackChild;
    private final XmlWalker.Element pointChild = this::pointChild;
    private String type;
    private int tracks;
    private int untimed;
    private final PointValues point = new PointValues();

    GpxReader(XmlWalker xml, ParserLimits limits) {
        this.xml = xml;
        this.limits = limits;
        this.points = new TrackPointsBuilder(limits.maxPoints());
    }

    /** Called with the reader on the root {@code gpx} start element. */
    ParsedActivity read() throws XMLStreamException {
        String creator = xml.attribute("creator");
        xml.walk(gpxChild);
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

    private boolean gpxChild(String name, int depth) throws XMLStreamException {
        if (depth != 1 || !name.equals("trk")) {
            return false;
        }
        tracks++;
        points.newSegment();
        xml.walk(trackChild);
        return true;
    }

    private boolean trackChild(String name, int depth) throws XMLStreamException {
        if (depth == 1 && name.equals("type")) {
            String t = xml.text().trim();
            if (type == null && !t.isEmpty()) {
                type = t;
            }
            return true;
        }
        if (depth == 1 && name.equals("trkseg")) {
            points.newSegment();
            return false;
        }
        if (depth == 2 && name.equals("trkpt")) {
            readPoint();
            return true;
        }
        return false;
    }

    private void readPoint() throws XMLStreamException {
        point.clear();
        point.lat = xml.numberAttribute("lat", "trkpt lat", NO_POSITION);
        point.lon = xml.numberAttribute("lon", "trkpt lon", NO_POSITION);
        XmlText.checkPosition(point.lat, point.lon, "GPX");
        xml.walk(pointChild);
        if (point.time == TrackPoints.NO_TIME) {
            untimed++;
        }
        point.addTo(points);
    }

    /** Values are matched by local name at any depth (extensions nest them); only the point's own time counts. */
    private boolean pointChild(String name, int depth) throws XMLStreamException {
        switch (name) {
            case "ele" -> point.elevation = xml.optionalFloat(name);
            case "time" -> {
                if (depth == 1) {
                    point.time = xml.epochMillis();
                } else {
                    xml.text();
                }
            }
            case "hr" -> point.heartRate = xml.optionalFloat(name);
            case "cad" -> point.cadence = xml.optionalFloat(name);
            case "atemp" -> point.temperature = xml.optionalFloat(name);
            case "power", "PowerInWatts" -> point.power = xml.optionalFloat(name);
            case "speed" -> point.speed = xml.optionalFloat(name);
            default -> {
                return false;
            }
        }
        return true;
    }
}
