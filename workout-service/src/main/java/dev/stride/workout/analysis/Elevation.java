package dev.stride.workout.analysis;

import dev.stride.workout.parsing.TrackPoints;

/** Elevation gain and loss through a dead-band noise filter, and the raw extremes. */
final class Elevation {

    final double gain;
    final double loss;
    final double min;
    final double max;

    private Elevation(double gain, double loss, double min, double max) {
        this.gain = gain;
        this.loss = loss;
        this.min = min;
        this.max = max;
    }

    /**
     * Dead-band filter: the filtered altitude moves only when the raw one leaves a band of
     * ±threshold/2. Null when no point has an elevation.
     */
    static Elevation of(TrackPoints p, double threshold) {
        if (!p.hasElevation()) {
            return null;
        }
        int n = p.size();
        double half = threshold / 2;
        double gain = 0;
        double loss = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double filtered = Double.NaN;
        for (int i = 0; i < n; i++) {
            double e = p.elevation(i);
            if (Double.isNaN(e)) {
                continue;
            }
            min = Math.min(min, e);
            max = Math.max(max, e);
            if (Double.isNaN(filtered)) {
                filtered = e;
                continue;
            }
            if (e > filtered + half) {
                gain += e - half - filtered;
                filtered = e - half;
            } else if (e < filtered - half) {
                loss += filtered - (e + half);
                filtered = e + half;
            }
        }
        return new Elevation(gain, loss, min, max);
    }
}
