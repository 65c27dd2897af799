package dev.stride.workout.analysis;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Douglas–Peucker simplification (iterative, so a long track cannot overflow the stack) in a local
 * equirectangular projection in metres, then Google's encoded polyline algorithm (precision 1e-5°).
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
        return simplify(arrays(lat, lon), all, toleranceMetres);
    }

    /**
     * Simplifies the points of {@code track} whose indices are in {@code points}, reading them in
     * place (a copy of a long track would cost more memory than the rest of the analysis).
     *
     * @return the indices to keep, in order
     */
    static int[] simplify(Track track, BitSet points, double toleranceMetres) {
        int first = points.nextSetBit(0);
        int last = points.length() - 1;
        BitSet keep = new BitSet(last + 1);
        if (points.cardinality() <= 2) {
            keep.or(points);
            return keep.stream().toArray();
        }
        double lat0 = Math.toRadians(track.lat(first));
        double kx = Math.cos(lat0) * Math.PI / 180 * Geo.EARTH_RADIUS;
        double ky = Math.PI / 180 * Geo.EARTH_RADIUS;
        keep.set(first);
        keep.set(last);
        int[] gaps = gaps(points, first, last);
        // ranges still to examine, as pairs of ints (at most one pending range per kept point)
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = first;
        stack[top++] = last;
        double tol2 = toleranceMetres * toleranceMetres;
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            // x and y are recomputed at every level: the same products as once, so the same bits
            double ax = track.lon(a) * kx;
            double ay = track.lat(a) * ky;
            double dx = track.lon(b) * kx - ax;
            double dy = track.lat(b) * ky - ay;
            double len2 = dx * dx + dy * dy;
            double worst = -1;
            int worstIdx = -1;
            // the runs of points between the gaps, so the inner loop does not test every index
            int g = firstAfter(gaps, a);
            int from = a + 1;
            while (from < b) {
                int to = Math.min(b, gaps[g++]);
                for (int i = from; i < to; i++) {
                    double px = track.lon(i) * kx - ax;
                    double py = track.lat(i) * ky - ay;
                    double d2;
                    if (len2 == 0) {
                        d2 = px * px + py * py;
                    } else {
                        // u = clamp(dot / len2, 0, 1); the division only where the clamp does not decide
                        double dot = px * dx + py * dy;
                        double u = dot <= 0 ? 0 : dot >= len2 ? 1 : dot / len2;
                        double ex = px - u * dx;
                        double ey = py - u * dy;
                        d2 = ex * ex + ey * ey;
                    }
                    if (d2 > worst) {
                        worst = d2;
                        worstIdx = i;
                    }
                }
                from = to + 1;
            }
            if (worst > tol2) {
                keep.set(worstIdx);
                if (top + 4 > stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                }
                stack[top++] = a;
                stack[top++] = worstIdx;
                stack[top++] = worstIdx;
                stack[top++] = b;
            }
        }
        return keep.stream().toArray();
    }

    /** The indices in (first, last) that are not in {@code points}, ascending, then {@code Integer.MAX_VALUE}. */
    private static int[] gaps(BitSet points, int first, int last) {
        int count = last - first + 1 - points.cardinality();
        int[] gaps = new int[count + 1];
        int k = 0;
        for (int i = points.nextClearBit(first); k < count; i = points.nextClearBit(i + 1)) {
            gaps[k++] = i;
        }
        gaps[k] = Integer.MAX_VALUE;
        return gaps;
    }

    /** Index of the first gap after {@code a}. */
    private static int firstAfter(int[] gaps, int a) {
        int lo = 0;
        int hi = gaps.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (gaps[mid] <= a) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
        StringBuilder sb = new StringBuilder(indices.length * 8);
        long prevLat = 0;
        long prevLon = 0;
        for (int i : indices) {
            long la = Math.round(track.lat(i) * 1e5);
            long lo = Math.round(track.lon(i) * 1e5);
            encodeValue(la - prevLat, sb);
            encodeValue(lo - prevLon, sb);
            prevLat = la;
            prevLon = lo;
        }
        return sb.toString();
    }

    private static void encodeValue(long v, StringBuilder sb) {
        long s = v < 0 ? ~(v << 1) : v << 1;
        while (s >= 0x20) {
            sb.append((char) ((0x20 | (s & 0x1f)) + 63));
            s >>= 5;
        }
        sb.append((char) (s + 63));
    }
}
