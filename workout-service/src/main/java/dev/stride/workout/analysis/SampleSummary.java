package dev.stride.workout.analysis;

/** Sample mean (zeros excluded unless {@code withZeros}: power counts coasting) and max of a column. */
final class SampleSummary {

    private final boolean withZeros;
    private double sum;
    private long count;
    private double max = Double.NEGATIVE_INFINITY;

    SampleSummary(boolean withZeros) {
        this.withZeros = withZeros;
    }

    void add(float v) {
        if (Float.isNaN(v)) {
            return;
        }
        if (withZeros || v > 0) {
            sum += v;
            count++;
        }
        if (v > max) {
            max = v;
        }
    }

    Double mean() {
        return count == 0 ? null : sum / count;
    }

    Double max() {
        return Double.isInfinite(max) ? null : max;
    }
}
