package dev.stride.workout.analysis;

import java.util.BitSet;

/**
 * Douglas–Peucker simplification ({@link DouglasPeucker}), then Google's encoded polyline algorithm
 * (precision 1e-5°).
 */
final class Polyline {

    private Polyline() {
    }

    /** Latitude and longitude (degrees) of a track's points by index. */
    interface Track {
        double lat(int i);

        double lon(int i);
    }

    /** @return indices into lat/lon to keep, in order */
    static int[] simplify(double[] lat, double[] lon, int n, double toleranceMetres) {
        BitSet all = new BitSet(n);
        all.set(0, n);
        return DouglasPeucker.simplify(arrays(lat, lon), all, toleranceMetres);
    }

    static String encode(double[] lat, double[] lon, int[] indices) {
        return encode(arrays(lat, lon), indices);
    }

    private static Track arrays(double[] lat, double[] lon) {
        return new Track() {
            @Override
            public double lat(int i) {
                return lat[i];
            }

            @Override
            public double lon(int i) {
                return lon[i];
            }
        };
    }

    static String encode(Track track, int[] indices) {
        // sized exactly by a first pass: a long track's string is large, and a guess wastes or copies
        StringBuilder sb = new StringBuilder(encode(track, indices, null));
        encode(track, indices, sb);
        return sb.toString();
    }

    /** Appends the encoding to {@code sb} when it is not null; returns its length. */
    private static int encode(Track track, int[] indices, StringBuilder sb) {
        int length = 0;
        long prevLat = 0;
        long prevLon = 0;
        for (int i : indices) {
            long la = Math.round(track.lat(i) * 1e5);
            long lo = Math.round(track.lon(i) * 1e5);
            length += encodeValue(la - prevLat, sb);
            length += encodeValue(lo - prevLon, sb);
            prevLat = la;
            prevLon = lo;
        }
        return length;
    }

    private static int encodeValue(long v, StringBuilder sb) {
        long s = v < 0 ? ~(v << 1) : v << 1;
        int length = 1;
        while (s >= 0x20) {
            if (sb != null) {
                sb.append((char) ((0x20 | (s & 0x1f)) + 63));
            }
            s >>= 5;
            length++;
        }
        if (sb != null) {
            sb.append((char) (s + 63));
        }
        return length;
    }
}
