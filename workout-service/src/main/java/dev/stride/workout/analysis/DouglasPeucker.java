package dev.stride.workout.analysis;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Douglas–Peucker simplification, iterative (a long track cannot overflow the stack), in a local
 * equirectangular projection in metres, reading the points in place.
 *
 * <p>A long track makes many levels scan most of the points again (a track ridden back and forth
 * 55 times: 68 levels, 38 scans of every point). Bounding boxes of blocks of points let a scan
 * skip a block whose farthest corner is nearer the segment than the farthest point found so far:
 * the distance to a segment is convex, so no point of the box is farther than its farthest corner.
 * The points kept are exactly those of scanning every point.
 */
final class DouglasPeucker {

    /** Points per bounding box: 0.5 bytes per point, about a third of the scans on long tracks. */
    private static final int BLOCK = 64;

    /**
     * A block is skipped only when its bound is below the farthest distance by more than this share
     * of (bound + segment length²), far above the rounding of either distance (about 1e-14 of it),
     * so a block holding a point that would be farther, or as far, is never skipped.
     */
    private static final double MARGIN = 1e-9;

    private final Polyline.Track track;
    private final BitSet points;
    private final int first;
    private final double kx;
    private final double ky;
    /** minX, maxX, minY, maxY of the points of each block; min > max for a block without points. */
    private final double[] boxes;
    /** Blocks in which every index is a point, so the scan need not ask. */
    private final BitSet fullBlocks;
    private double worst;
    private int worstIdx;

    private DouglasPeucker(Polyline.Track track, BitSet points, int first, int last) {
        this.track = track;
        this.points = points;
        this.first = first;
        double lat0 = Math.toRadians(track.lat(first));
        this.kx = Math.cos(lat0) * Math.PI / 180 * Geo.EARTH_RADIUS;
        this.ky = Math.PI / 180 * Geo.EARTH_RADIUS;
        int blocks = (last - first) / BLOCK + 1;
        boxes = new double[4 * blocks];
        for (int k = 0; k < blocks; k++) {
            boxes[4 * k] = Double.POSITIVE_INFINITY;
            boxes[4 * k + 1] = Double.NEGATIVE_INFINITY;
            boxes[4 * k + 2] = Double.POSITIVE_INFINITY;
            boxes[4 * k + 3] = Double.NEGATIVE_INFINITY;
        }
        int[] counts = new int[blocks];
        for (int i = first; i <= last; i++) {
            if (!points.get(i)) {
                continue;
            }
            int k = (i - first) / BLOCK;
            double x = track.lon(i) * kx;
            double y = track.lat(i) * ky;
            boxes[4 * k] = Math.min(boxes[4 * k], x);
            boxes[4 * k + 1] = Math.max(boxes[4 * k + 1], x);
            boxes[4 * k + 2] = Math.min(boxes[4 * k + 2], y);
            boxes[4 * k + 3] = Math.max(boxes[4 * k + 3], y);
            counts[k]++;
        }
        fullBlocks = new BitSet(blocks);
        for (int k = 0; k < blocks; k++) {
            if (counts[k] == BLOCK) {
                fullBlocks.set(k);
            }
        }
    }

    /**
     * Simplifies the points of {@code track} whose indices are in {@code points}.
     *
     * @return the indices to keep, in order
     */
    static int[] simplify(Polyline.Track track, BitSet points, double toleranceMetres) {
        if (points.cardinality() <= 2) {
            return indices(points);
        }
        int first = points.nextSetBit(0);
        int last = points.length() - 1;
        return new DouglasPeucker(track, points, first, last).run(last, toleranceMetres);
    }

    private int[] run(int last, double toleranceMetres) {
        BitSet keep = new BitSet(last + 1);
        keep.set(first);
        keep.set(last);
        // ranges still to examine, as pairs of ints (at most one pending range per kept point)
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = first;
        stack[top++] = last;
        double tol2 = toleranceMetres * toleranceMetres;
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            farthest(a, b);
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
        return indices(keep);
    }

    /** The set bits in order (without a stream's growing buffers: a long track keeps thousands). */
    private static int[] indices(BitSet bits) {
        int[] out = new int[bits.cardinality()];
        int k = 0;
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            out[k++] = i;
        }
        return out;
    }

    /** Sets worst/worstIdx to the point in (a, b) farthest from the segment a–b (the first of equals). */
    private void farthest(int a, int b) {
        double ax = track.lon(a) * kx;
        double ay = track.lat(a) * ky;
        double dx = track.lon(b) * kx - ax;
        double dy = track.lat(b) * ky - ay;
        double len2 = dx * dx + dy * dy;
        double max = -1;
        int maxIdx = -1;
        int i = a + 1;
        while (i < b) {
            int k = (i - first) / BLOCK;
            int end = Math.min(b, first + (k + 1) * BLOCK);
            if (bound(k, ax, ay, dx, dy, len2) * (1 + MARGIN) + MARGIN * len2 < max) {
                i = end;
                continue;
            }
            // x and y are recomputed at every level: the same products as once, so the same bits
            if (fullBlocks.get(k)) {
                for (; i < end; i++) {
                    double d2 = distance2(track.lon(i) * kx - ax, track.lat(i) * ky - ay, dx, dy, len2);
                    if (d2 > max) {
                        max = d2;
                        maxIdx = i;
                    }
                }
            } else {
                for (i = points.nextSetBit(i); i >= 0 && i < end; i = points.nextSetBit(i + 1)) {
                    double d2 = distance2(track.lon(i) * kx - ax, track.lat(i) * ky - ay, dx, dy, len2);
                    if (d2 > max) {
                        max = d2;
                        maxIdx = i;
                    }
                }
                i = end;
            }
        }
        worst = max;
        worstIdx = maxIdx;
    }

    /** The largest squared distance from the segment of a corner of block k's box; -1 for no points. */
    private double bound(int k, double ax, double ay, double dx, double dy, double len2) {
        double minX = boxes[4 * k];
        double maxX = boxes[4 * k + 1];
        if (minX > maxX) {
            return -1;
        }
        double minY = boxes[4 * k + 2] - ay;
        double maxY = boxes[4 * k + 3] - ay;
        minX -= ax;
        maxX -= ax;
        if (len2 == 0) {
            return Math.max(minX * minX, maxX * maxX) + Math.max(minY * minY, maxY * maxY);
        }
        double inv = 1 / len2;
        return Math.max(Math.max(cornerDistance2(minX, minY, dx, dy, inv), cornerDistance2(minX, maxY, dx, dy, inv)),
                Math.max(cornerDistance2(maxX, minY, dx, dy, inv), cornerDistance2(maxX, maxY, dx, dy, inv)));
    }

    /**
     * distance2 without branches (the corners fall on either side of a segment's ends at random):
     * not the same bits, but well within MARGIN.
     */
    private static double cornerDistance2(double px, double py, double dx, double dy, double inverseLen2) {
        double u = Math.max(0, Math.min(1, (px * dx + py * dy) * inverseLen2));
        double ex = px - u * dx;
        double ey = py - u * dy;
        return ex * ex + ey * ey;
    }

    /** Squared distance of (px, py) from the segment (0, 0)–(dx, dy). */
    private static double distance2(double px, double py, double dx, double dy, double len2) {
        if (len2 == 0) {
            return px * px + py * py;
        }
        // u = clamp(dot / len2, 0, 1); the division only where the clamp does not decide
        double dot = px * dx + py * dy;
        double u = dot <= 0 ? 0 : dot >= len2 ? 1 : dot / len2;
        double ex = px - u * dx;
        double ey = py - u * dy;
        return ex * ex + ey * ey;
    }
}
