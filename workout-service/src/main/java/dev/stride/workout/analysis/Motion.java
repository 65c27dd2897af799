package dev.stride.workout.analysis;

import dev.stride.workout.parsing.TimerPause;
import dev.stride.workout.parsing.TrackPoints;
import java.util.BitSet;
import java.util.List;

/** Moving time and max speed of a timed track with a cumulative distance. */
final class Motion {

    /** Max speed is taken over windows of at least this many seconds (GPS jitter on 1 s steps is not speed). */
    static final double MAX_SPEED_WINDOW = 5.0;

    private Motion() {
    }

    /**
     * Seconds of the steps at or above {@code threshold} m/s, outside timer pauses, within a segment.
     * Their end points are marked in the caller's {@code moving} rather than returned with the sum: an
     * object per analysis showed up as 24 more bytes per op in the benchmark.
     */
    static double movingTime(TrackPoints p, double[] t, double[] cum, List<TimerPause> pauses, double threshold,
            BitSet moving) {
        int n = p.size();
        int pi = 0;
        double sum = 0;
        for (int i = 1; i < n; i++) {
            if (p.startsSegment(i)) {
                continue;
            }
            long end = p.time(i);
            while (pi < pauses.size() && pauses.get(pi).toMillis() < end) {
                pi++;
            }
            if (pi < pauses.size() && pauses.get(pi).fromMillis() < end) {
                continue;
            }
            double dt = t[i] - t[i - 1];
            if (dt > 0 && (cum[i] - cum[i - 1]) / dt >= threshold) {
                moving.set(i);
                sum += dt;
            }
        }
        return sum;
    }

    /** Fastest plausible speed over windows of at least MAX_SPEED_WINDOW s within a segment; null without one. */
    static Double maxSpeed(TrackPoints p, double[] t, double[] cum, double maxPlausibleSpeed) {
        int n = p.size();
        double best = -1;
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (j <= i) {
                j = i + 1;
            }
            while (j < n && !p.startsSegment(j) && t[j] - t[i] < MAX_SPEED_WINDOW) {
                j++;
            }
            if (j >= n || p.startsSegment(j)) {
                continue;
            }
            double v = (cum[j] - cum[i]) / (t[j] - t[i]);
            if (v <= maxPlausibleSpeed && v > best) {
                best = v;
            }
        }
        return best < 0 ? null : best;
    }
}
