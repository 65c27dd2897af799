package dev.stride.workout.streams;

import java.util.List;

/** Google's encoded polyline algorithm, precision 5. */
final class PolylineEncoder {

    private PolylineEncoder() {
    }

    static String encode(List<double[]> points) {
        StringBuilder sb = new StringBuilder(points.size() * 6);
        long lastLat = 0;
        long lastLon = 0;
        for (double[] p : points) {
            long lat = Math.round(p[0] * 1e5);
            long lon = Math.round(p[1] * 1e5);
            value(lat - lastLat, sb);
            value(lon - lastLon, sb);
            lastLat = lat;
            lastLon = lon;
        }
        return sb.toString();
    }

    private static void value(long v, StringBuilder sb) {
        long s = v < 0 ? ~(v << 1) : v << 1;
        while (s >= 0x20) {
            sb.append((char) ((0x20 | (s & 0x1f)) + 63));
            s >>= 5;
        }
        sb.append((char) (s + 63));
    }
}
