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
        // projected once, not once per level of the recursion (the same products, so the same bits)
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lon[i] * kx;
            y[i] = lat[i] * ky;
        }
        BitSet keep = new BitSet(n);
        keep.set(0);
        keep.set(n - 1);
        // ranges still to examine, as pairs of ints (at most one pending range per kept point)
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n - 1;
        double tol2 = toleranceMetres * toleranceMetres;
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            double ax = x[a];
            double ay = y[a];
            double dx = x[b] - ax;
            double dy = y[b] - ay;
            double len2 = dx * dx + dy * dy;
            double worst = -1;
            int worstIdx = -1;
            for (int i = a + 1; i < b; i++) {
                double px = x[i] - ax;
                double py = y[i] - ay;
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
