package dev.stride.workout.parsing;

import java.time.Instant;

/** Small GPX documents for tests. */
final class Gpx {

    static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    private Gpx() {
    }

    static String doc(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"test\""
                + " xmlns=\"http://www.topografix.com/GPX/1/1\""
                + " xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">" + body + "</gpx>";
    }

    static String point(double lat, double lon, Integer secondsFromStart) {
        return "<trkpt lat=\"" + lat + "\" lon=\"" + lon + "\"><ele>100</ele>"
                + (secondsFromStart == null ? "" : "<time>" + T0.plusSeconds(secondsFromStart) + "</time>") + "</trkpt>";
    }

    /** A straight line north, {@code n} points, one per second, {@code metresPerStep} apart. */
    static String line(int n, double metresPerStep) {
        StringBuilder sb = new StringBuilder("<trk><type>running</type><trkseg>");
        for (int i = 0; i < n; i++) {
            sb.append(point(45.0 + i * metresPerStep / 111_195.0, 7.0, i));
        }
        return doc(sb.append("</trkseg></trk>").toString());
    }
}
