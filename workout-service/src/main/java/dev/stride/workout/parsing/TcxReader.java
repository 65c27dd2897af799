package dev.stride.workout.parsing;

import dev.stride.workout.workouts.Sport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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

    private final XMLStreamReader xml;
    private final ParserLimits limits;
    private final TrackPointsBuilder points;
    private final List<ParsedLap> laps = new ArrayList<>();
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

    TcxReader(XMLStreamReader xml, ParserLimits limits) {
        this.xml = xml;
        this.limits = limits;
        this.points = new TrackPointsBuilder(limits.maxPoints());
    }

    ParsedActivity read() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("Activity") && depth == 2) {
                    readActivity();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlActivityReader.truncated("TCX");
            }
        }
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

    private void readActivity() throws XMLStreamException {
        activities++;
        String activitySport = xml.getAttributeValue(null, "Sport");
        if (activitySport != null && (sport == null || sport.equalsIgnoreCase("Other"))
                && !activitySport.isBlank()) {
            if (sport == null || !activitySport.equalsIgnoreCase("Other")) {
                sport = activitySport;
            }
        }
        points.newSegment();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (depth == 1 && name.equals("Id")) {
                    String id = xml.getElementText();
                    if (firstActivityId == null && !id.isBlank()) {
                        firstActivityId = Instant.ofEpochMilli(XmlText.epochMillis(id, "TCX"));
                    }
                } else if (depth == 1 && name.equals("Lap")) {
                    readLap();
                } else if (depth == 1 && name.equals("Creator")) {
                    readCreator();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlActivityReader.truncated("TCX");
            }
        }
    }

    private void readCreator() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && xml.getLocalName().equals("Name")) {
                    String name = xml.getElementText().trim();
                    if (creator == null && !name.isEmpty()) {
                        creator = name;
                    }
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlActivityReader.truncated("TCX");
            }
        }
    }

    private void readLap() throws XMLStreamException {
        String startText = xml.getAttributeValue(null, "StartTime");
        Instant lapStart = startText == null ? null : Instant.ofEpochMilli(XmlText.epochMillis(startText, "TCX"));
        Double timer = null;
        Double distance = null;
        Double calories = null;
        Double avgHr = null;
        Double maxHr = null;
        int tracksInLap = 0;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (depth == 1) {
                    switch (name) {
                        case "TotalTimeSeconds" -> timer = XmlText.number(xml.getElementText(), name, "TCX");
                        case "DistanceMeters" -> distance = XmlText.number(xml.getElementText(), name, "TCX");
                        case "Calories" -> calories = XmlText.number(xml.getElementText(), name, "TCX");
                        case "AverageHeartRateBpm" -> avgHr = valueChild();
                        case "MaximumHeartRateBpm" -> maxHr = valueChild();
                        case "Track" -> {
                            if (tracksInLap++ > 0) {
                                points.newSegment();
                            }
                            readTrack();
                        }
                        default -> depth++;
                    }
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlActivityReader.truncated("TCX");
            }
        }
        if (timer != null) {
            anyTimer = true;
            sumTimer += timer;
        }
        if (distance != null) {
            anyDistance = true;
            sumDistance += distance;
        }
        if (calories != null) {
            anyCalories = true;
            sumCalories += calories;
        }
        laps.add(new ParsedLap(lapStart, new DeviceTotals(distance, timer, timer, calories, null, null), avgHr, maxHr));
    }

    private Double valueChild() throws XMLStreamException {
        Double value = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("Value")) {
                    value = XmlText.number(xml.getElementText(), "Value", "TCX");
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlActivityReader.truncated("TCX");
            }
        }
        return value;
    }

    private void readTrack() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && xml.getLocalName().equals("Trackpoint")) {
                    readTrackpoint();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlActivityReader.truncated("TCX");
            }
        }
    }

    private void readTrackpoint() throws XMLStreamException {
        long time = TrackPoints.NO_TIME;
        double lat = Double.NaN;
        double lon = Double.NaN;
        float ele = Float.NaN;
        double dist = Double.NaN;
        float hr = Float.NaN;
        float cad = Float.NaN;
        float power = Float.NaN;
        float speed = Float.NaN;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                switch (name) {
                    case "Time" -> time = XmlText.epochMillis(xml.getElementText(), "TCX");
                    case "LatitudeDegrees" -> lat = XmlText.number(xml.getElementText(), name, "TCX");
                    case "LongitudeDegrees" -> lon = XmlText.number(xml.getElementText(), name, "TCX");
                    case "AltitudeMeters" -> ele = XmlText.optionalFloat(xml.getElementText(), name, "TCX");
                    case "DistanceMeters" -> dist = XmlText.number(xml.getElementText(), name, "TCX");
                    case "HeartRateBpm" -> {
                        Double v = valueChild();
                        hr = v == null ? Float.NaN : v.floatValue();
                    }
                    case "Cadence", "RunCadence" -> cad = XmlText.optionalFloat(xml.getElementText(), name, "TCX");
                    case "Watts" -> power = XmlText.optionalFloat(xml.getElementText(), name, "TCX");
                    case "Speed" -> speed = XmlText.optionalFloat(xml.getElementText(), name, "TCX");
                    default -> depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlActivityReader.truncated("TCX");
            }
        }
        if (!Double.isNaN(lat) || !Double.isNaN(lon)) {
            XmlText.checkPosition(lat, lon, "TCX");
        }
        if (time == TrackPoints.NO_TIME) {
            untimed++;
        }
        points.add(time, lat, lon, ele, dist, hr, cad, power, Float.NaN, speed);
    }
}
