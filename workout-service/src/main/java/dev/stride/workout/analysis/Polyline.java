package dev.stride.workout.analysis;

import java.util.ArrayDeque;
import java.util.BitSet;

/**
 * Douglas–Peucker simplification (iterative, so a long track cannot overflow the stack) in a local
 * equirectangular projection in metres, then Google's encoded polyline algorithm (precision 1e-5°).
 */
final class Polyline {

    private Polyline() {
    }

    /** @return indices into lat/lon to keep, in order */
    static int[] simplify(double[] lat, double[] lon, int n, double toleranceMetres) {
        if (n <= 2) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        double lat0 = Math.toRadians(lat[0]);
        double kx = Math.cos(lat0) * Math.PI / 180 * Geo.EARTH_RADIUS;
        double ky = Math.PI / 180 * Geo.EARTH_RADIUS;
        BitSet keep = new BitSet(n);
        keep.set(0);
        keep.set(n - 1);
        ArrayDeque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {0, n - 1});
        double tol2 = toleranceMetres * toleranceMetres;
        while (!stack.isEmpty()) {
            int[] r = stack.pop();
            int a = r[0];
            int b = r[1];
            double ax = lon[a] * kx;
            double ay = lat[a] * ky;
            double bx = lon[b] * kx;
            double by = lat[b] * ky;
            double dx = bx - ax;
            double dy = by - ay;
            double len2 = dx * dx + dy * dy;
            double worst = -1;
            int worstIdx = -1;
            for (int i = a + 1; i < b; i++) {
                double px = lon[i] * kx - ax;
                double py = lat[i] * ky - ay;
                double d2;
                if (len2 == 0) {
                    d2 = px * px + py * py;
                } else {
                    double u = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
                    double ex = px - u * dx;
                    double ey = py - u * dy;
                    d2 = ex * ex + ey * ey;
                }
                if (d2 > worst) {
                    worst = d2;
                    worstIdx = i;
                }
            }
            if (worst > tol2) {
                keep.set(worstIdx);
                stack.push(new int[] {a, worstIdx});
                stack.push(new int[] {worstIdx, b});
            }
        }
        int[] out = new int[keep.cardinality()];
        int k = 0;
        for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
            out[k++] = i;
        }
        return out;
    }

    static String encode(double[] lat, double[] lon, int[] indices) {
        StringBuilder sb = new StringBuilder(indices.length * 8);
        long prevLat = 0;
        long prevLon = 0;
        for (int i : indices) {
            long la = Math.round(lat[i] * 1e5);
            long lo = Math.round(lon[i] * 1e5);
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
