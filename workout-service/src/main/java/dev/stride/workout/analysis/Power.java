package dev.stride.workout.analysis;

import dev.stride.workout.parsing.TrackPoints;

/** What the power column adds beyond its mean and max: normalized power and the work done. */
final class Power {

    /** Longer than any real workout: the 1 s resampling would otherwise loop over months of a bad clock. */
    private static final double MAX_SECONDS = 7 * 86400;

    private Power() {
    }

    /**
     * Normalized power: power resampled to 1 s (a sample is held up to MAX_HOLD s; seconds in longer
     * gaps are left out), 30 s rolling mean, mean of its 4th power, 4th root.
     */
    static Double normalized(TrackPoints p, double[] t, boolean timed) {
        int n = p.size();
        if (!timed || !p.hasPower() || t[n - 1] > MAX_SECONDS) {
            return null;
        }
        int seconds = (int) Math.floor(t[n - 1]) + 1;
        // the resampled series is only ever read 30 s back: a ring of the last 30 values
        double[] last30 = new double[30];
        int len = 0;
        double window = 0;
        double sum4 = 0;
        int k = 0;
        for (int s = 0; s < seconds; s++) {
            while (k + 1 < n && t[k + 1] <= s) {
                k++;
            }
            if (s - t[k] > WorkoutAnalyzer.MAX_HOLD) {
                continue;
            }
            float w = p.power(k);
            double value = Float.isNaN(w) ? 0 : w;
            window += value;
            if (len >= 30) {
                window -= last30[len % 30];
            }
            last30[len % 30] = value;
            if (len >= 29) {
                double avg = window / 30;
                sum4 += avg * avg * avg * avg;
            }
            len++;
        }
        if (len < 30) {
            return null;
        }
        return Math.pow(sum4 / (len - 29), 0.25);
    }

    /** Mechanical work in kJ: each sample held until the next point, at most MAX_HOLD s, within a segment. */
    static double kilojoules(TrackPoints p, double[] t) {
        int n = p.size();
        double joules = 0;
        for (int i = 0; i + 1 < n; i++) {
            float w = p.power(i);
            if (!Float.isNaN(w) && !p.startsSegment(i + 1)) {
                joules += w * Math.min(WorkoutAnalyzer.MAX_HOLD, t[i + 1] - t[i]);
            }
        }
        return joules / 1000.0;
    }
}
