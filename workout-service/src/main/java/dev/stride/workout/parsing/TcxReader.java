package dev.stride.workout.parsing;

import dev.stride.workout.workouts.Sport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * Garmin Training Center XML (TCX v2): Activities/Activity/Lap/Track/Trackpoint with position,
 * altitude, cumulative distance, heart rate, cadence, and in the ActivityExtension v2 {@code TPX}
 * element {@code Speed}, {@code Watts} and {@code RunCadence}. Laps keep their declared totals
 * (TotalTimeSeconds, DistanceMeters, Calories, average/maximum heart rate).
 *
 * <p>Several {@code Activity} elements: all are read into one activity, each Activity starting a
 * new segment (the gap between them is a pause). The sport is the first Activity's sport that is
 * not "Other" (else "Other"). A second {@code Track} inside the same Lap also starts a new segment
 * (Garmin devices write one after a pause). Device totals are the sums over all laps.
 */
final class TcxReader {

    private final XmlWalker xml;
    private final ParserLimits limits;
    private final TrackPointsBuilder points;
    private final List<ParsedLap> laps = new ArrayList<>();
    private final XmlWalker.Element rootChild = this::rootChild;
    private final XmlWalker.Element activityChild = this::activityChild;
    private final XmlWalker.Element creatorChild = this::creatorChild;
    private final XmlWalker.Element lapChild = this::lapChild;
    private final XmlWalker.Element valueChild = this::valueChild;
    private final XmlWalker.Element trackChild = this::trackChild;
    private final XmlWalker.Element trackpointChild = this::trackpointChild;
    private String sport;
    private String creator;
    private Instant firstActivityId;
    private int activities;
    private int untimed;
    private double sumTimer;
    private double sumDistance;
    private double sumCalories;
    private boolean anyTimer;
    private boolean anyDistance;
    private boolean anyCalories;
    // the lap being read
    private Double lapTimer;
    private Double lapDistance;
    private Double lapCalories;
    private Double lapAvgHr;
    private Double lapMaxHr;
    private int tracksInLap;
    // the last HeartRateBpm / AverageHeartRateBpm / MaximumHeartRateBpm value read, NaN for none
    // (a primitive: boxing it allocated a Double per track point)
    private double value;
    private final PointValues point = new PointValues();

    TcxReader(XmlWalker xml, ParserLimits limits) {
        this.xml = xml;
        this.limits = limits;
        this.points = new TrackPointsBuilder(limits.maxPoints());
    }

    ParsedActivity read() throws XMLStreamException {
        xml.walk(rootChild);
        if (activities == 0) {
            throw new WorkoutFileException(WorkoutFileException.Reason.NO_TRACK, "The TCX file has no activity");
        }
        if (points.size() == 0 && laps.isEmpty()) {
            throw new WorkoutFileException(WorkoutFileException.Reason.NO_TRACK, "The TCX activity has no track points");
        }
        boolean timed = untimed < points.size();
        if (points.size() > 0 && !timed && limits.requireTimestamps()) {
            throw new WorkoutFileException(WorkoutFileException.Reason.NO_TIMESTAMPS,
                    "The TCX track has no timestamps");
        }
        TrackPoints track = points.build(timed);
        Instant start = track.hasAnyTime() ? Instant.ofEpochMilli(track.time(0))
                : !laps.isEmpty() && laps.get(0).startTime() != null ? laps.get(0).startTime() : firstActivityId;
        Instant end = track.hasAnyTime() ? Instant.ofEpochMilli(track.time(track.size() - 1)) : null;
        String fileSport = sport;
        Sport mapped = SportNames.fromText(fileSport);
        DeviceTotals totals = new DeviceTotals(anyDistance ? sumDistance : null, null, anyTimer ? sumTimer : null,
                anyCalories ? sumCalories : null, null, null);
        return new ParsedActivity(FileFormat.TCX, mapped, fileSport, start, null,
                creator, track, laps, List.of(new ParsedSession(mapped, fileSport, start, end, 0, track.size(), totals)),
                totals, List.of(), points.stats());
    }

    /** Activities/Activity. */
    private boolean rootChild(String name, int depth) throws XMLStreamException {
        if (depth != 2 || !name.equals("Activity")) {
            return false;
        }
        activities++;
        String activitySport = xml.attribute("Sport");
        if (activitySport != null && (sport == null || sport.equalsIgnoreCase("Other"))
                && !activitySport.isBlank()) {
            if (sport == null || !activitySport.equalsIgnoreCase("Other")) {
                sport = activitySport;
            }
        }
        points.newSegment();
        xml.walk(activityChild);
        return true;
    }

    private boolean activityChild(String name, int depth) throws XMLStreamException {
        if (depth != 1) {
            return false;
        }
        switch (name) {
            case "Id" -> {
                String id = xml.text();
                if (firstActivityId == null && !id.isBlank()) {
                    firstActivityId = Instant.ofEpochMilli(XmlText.epochMillis(id, "TCX"));
                }
            }
            case "Lap" -> readLap();
            case "Creator" -> xml.walk(creatorChild);
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean creatorChild(String name, int depth) throws XMLStreamException {
        if (depth != 1 || !name.equals("Name")) {
            return false;
        }
        String text = xml.text().trim();
        if (creator == null && !text.isEmpty()) {
            creator = text;
        }
        return true;
    }

    private void readLap() throws XMLStreamException {
        String startText = xml.attribute("StartTime");
        Instant lapStart = startText == null ? null : Instant.ofEpochMilli(XmlText.epochMillis(startText, "TCX"));
        lapTimer = null;
        lapDistance = null;
        lapCalories = null;
        lapAvgHr = null;
        lapMaxHr = null;
        tracksInLap = 0;
        xml.walk(lapChild);
        if (lapTimer != null) {
            anyTimer = true;
            sumTimer += lapTimer;
        }
        if (lapDistance != null) {
            anyDistance = true;
            sumDistance += lapDistance;
        }
        if (lapCalories != null) {
            anyCalories = true;
            sumCalories += lapCalories;
        }
        laps.add(new ParsedLap(lapStart, new DeviceTotals(lapDistance, lapTimer, lapTimer, lapCalories, null, null),
                lapAvgHr, lapMaxHr));
    }

    private boolean lapChild(String name, int depth) throws XMLStreamException {
        if (depth != 1) {
            return false;
        }
        switch (name) {
            case "TotalTimeSeconds" -> lapTimer = xml.number(name);
            case "DistanceMeters" -> lapDistance = xml.number(name);
            case "Calories" -> lapCalories = xml.number(name);
            case "AverageHeartRateBpm" -> lapAvgHr = orNull(value());
            case "MaximumHeartRateBpm" -> lapMaxHr = orNull(value());
            case "Track" -> {
                if (tracksInLap++ > 0) {
                    points.newSegment();
                }
                xml.walk(trackChild);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The {@code Value} inside a heart rate element, or NaN. */
    private double value() throws XMLStreamException {
        value = Double.NaN;
        xml.walk(valueChild);
        return value;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private boolean valueChild(String name, int depth) throws XMLStreamException {
        if (!name.equals("Value")) {
            return false;
        }
        value = xml.number(name);
        return true;
    }

    private boolean trackChild(String name, int depth) throws XMLStreamException {
        if (depth != 1 || !name.equals("Trackpoint")) {
            return false;
        }
        readTrackpoint();
        return true;
    }

    private void readTrackpoint() throws XMLStreamException {
        point.clear();
        xml.walk(trackpointChild);
        if (!Double.isNaN(point.lat) || !Double.isNaN(point.lon)) {
            XmlText.checkPosition(point.lat, point.lon, "TCX");
        }
        if (point.time == TrackPoints.NO_TIME) {
            untimed++;
        }
        point.addTo(points);
    }

    /** Values are matched by local name at any depth (Position and the TPX extension nest them). */
    private boolean trackpointChild(String name, int depth) throws XMLStreamException {
        switch (name) {
            case "Time" -> point.time = xml.epochMillis();
            case "LatitudeDegrees" -> point.lat = xml.number(name);
            case "LongitudeDegrees" -> point.lon = xml.number(name);
            case "AltitudeMeters" -> point.elevation = xml.optionalFloat(name);
            case "DistanceMeters" -> point.distance = xml.number(name);
            case "HeartRateBpm" -> {
                point.heartRate = (float) value();
            }
            case "Cadence", "RunCadence" -> point.cadence = xml.optionalFloat(name);
            case "Watts" -> point.power = xml.optionalFloat(name);
            case "Speed" -> point.speed = xml.optionalFloat(name);
            default -> {
                return false;
            }
        }
        return true;
    }
}
