package dev.stride.workout.analysis;

import dev.stride.workout.parsing.TrackPoints;
import java.util.BitSet;

/**
 * The cumulative distance along a track (the device's stream when most points carry it, else
 * haversine between positioned points), the GPS spikes left out of it, and the points the map
 * draws. One haversine pass serves both the distance and the map's spike filter.
 */
final class TrackDistance {

    /** Cumulative metres per point; null when there is neither a device stream nor a position. */
    final double[] cum;
    final boolean fromDevice;
    /** Points of the map polyline: positioned, minus the spikes the map filter drops. */
    final BitSet onMap;
    private int spikes;

    private final TrackPoints p;
    private final double[] t;
    private final int n;
    private final boolean timed;
    private final double maxSpeed;
    private final Geo.Steps steps;
    private int mapLast = -1;
    private int mapNext;

    TrackDistance(TrackPoints p, double[] t, boolean timed, double maxPlausibleSpeed) {
        this.p = p;
        this.t = t;
        this.n = p.size();
        this.timed = timed;
        this.maxSpeed = maxPlausibleSpeed;
        this.onMap = new BitSet(n);
        this.steps = new Geo.Steps(p);
        fromDevice = mostPointsHaveDeviceDistance();
        // the haversine pass also counts the GPS spikes when the device's distance is the one used
        double[] geodesic = geodesic(fromDevice ? null : new double[n]);
        cum = fromDevice ? deviceStream() : geodesic;
    }

    /** GPS spikes (haversine pass) plus device distance increments faster than plausible. */
    int spikes() {
        return spikes;
    }

    private boolean mostPointsHaveDeviceDistance() {
        int with = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(p.deviceDistance(i))) {
                with++;
            }
        }
        return n > 0 && with * 2 >= n;
    }

    /**
     * Cumulative haversine distance of the positioned points with spikes removed into {@code geo}
     * (when not null); null without positions.
     */
    private double[] geodesic(double[] geo) {
        BitSet accepted = geo == null ? null : new BitSet(n);
        int last = -1;
        int segmentStart = 0;
        int streak = 0;
        int streakStart = -1;
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (geo != null) {
                geo[i] = i > 0 ? geo[i - 1] : 0;
            }
            if (p.startsSegment(i)) {
                segmentStart = i;
            }
            if (!p.hasPosition(i)) {
                continue;
            }
            any = true;
            if (last < segmentStart) {
                mapStep(i, -1, false);
                last = i;
                if (accepted != null) {
                    accepted.set(i);
                }
                streak = 0;
                continue;
            }
            // without geo only the speed is compared, and Steps.faster mostly does without the arcsine
            double d = geo != null ? steps.distance(last, i) : Double.NaN;
            double dt = t[i] - t[last];
            boolean tooFast = timed && dt > 0
                    && (geo != null ? d / dt > maxSpeed : steps.faster(last, i, dt, maxSpeed));
            mapStep(i, last, tooFast);
            if (tooFast) {
                spikes++;
                if (streak++ == 0) {
                    streakStart = i;
                }
                if (streak >= WorkoutAnalyzer.RELOCATION_POINTS) {
                    // the "spikes" agree with each other: the receiver really is somewhere else now
                    spikes -= streak;
                    streak = 0;
                    last = streakStart;
                    if (geo != null) {
                        for (int k = streakStart; k <= i; k++) {
                            geo[k] = geo[streakStart - 1];
                        }
                        accepted.clear(streakStart, i + 1);
                        accepted.set(streakStart);
                    }
                    i = streakStart;
                }
                continue;
            }
            streak = 0;
            if (geo != null) {
                geo[i] += d;
                accepted.set(i);
            }
            last = i;
        }
        if (geo != null && any && timed) {
            interpolateRejected(geo, accepted);
        }
        return any ? geo : null;
    }

    /**
     * The map's spike filter, once per positioned point in order: a point is left out when it is
     * implausibly fast from the last drawn point while the next point is not (a lone spike).
     * {@code fromTooFast} is whether the step from {@code from} to {@code i} is implausibly fast (as
     * timed, with a positive time step), reused when {@code from} is the last drawn point (the usual
     * case), so most points cost one haversine, not two.
     */
    private void mapStep(int i, int from, boolean fromTooFast) {
        if (i < mapNext) {
            return; // revisited after a relocation: already decided
        }
        mapNext = i + 1;
        int last = mapLast;
        if (last >= 0 && timed && t[i] > t[last]) {
            double dt = t[i] - t[last];
            boolean tooFast = from == last ? fromTooFast : steps.faster(last, i, dt, maxSpeed);
            if (tooFast && i + 1 < n && p.hasPosition(i + 1)
                    && steps.distance(last, i + 1) / (t[i + 1] - t[last]) <= maxSpeed) {
                return;
            }
        }
        onMap.set(i);
        mapLast = i;
    }

    /**
     * Spikes and points without a position get the distance interpolated in time between the
     * accepted points around them (within a segment), so windows that start or end on them are right.
     */
    private void interpolateRejected(double[] geo, BitSet accepted) {
        int previous = -1;
        int segmentStart = 0;
        for (int i = accepted.nextSetBit(0); i >= 0; i = accepted.nextSetBit(i + 1)) {
            if (previous >= 0 && startsSegmentIn(previous + 1, i)) {
                previous = -1;
            }
            if (previous >= 0 && i - previous > 1) {
                double span = t[i] - t[previous];
                for (int k = previous + 1; k < i; k++) {
                    double f = span > 0 ? (t[k] - t[previous]) / span : 0;
                    geo[k] = geo[previous] + f * (geo[i] - geo[previous]);
                }
            }
            previous = i;
        }
    }

    /** Cumulative device distance (FIT record / TCX DistanceMeters); increments across segment starts not counted. */
    private double[] deviceStream() {
        double[] out = new double[n];
        double previous = Double.NaN;
        int previousIndex = -1;
        for (int i = 0; i < n; i++) {
            out[i] = i > 0 ? out[i - 1] : 0;
            double d = p.deviceDistance(i);
            if (Double.isNaN(d)) {
                continue;
            }
            if (!Double.isNaN(previous) && !startsSegmentIn(previousIndex + 1, i)) {
                double inc = d - previous;
                double dt = t[i] - t[previousIndex];
                if (inc > 0 && timed && dt > 0 && inc / dt > maxSpeed) {
                    spikes++;
                } else if (inc > 0) {
                    out[i] += inc;
                }
            }
            previous = d;
            previousIndex = i;
        }
        return out;
    }

    private boolean startsSegmentIn(int from, int to) {
        for (int k = from; k <= to; k++) {
            if (p.startsSegment(k)) {
                return true;
            }
        }
        return false;
    }
}
