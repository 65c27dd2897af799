package dev.stride.workout.stats;

import java.math.BigDecimal;

/**
 * Totals of a set of workouts: count, distance (m), moving and elapsed time (s), elevation gain
 * (m). Exact decimal sums; a workout without a measurement adds nothing to that sum.
 */
public record Totals(long count, BigDecimal distance, BigDecimal movingTime, BigDecimal elapsedTime,
        BigDecimal elevationGain) {

    public static final Totals ZERO = new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO);

    public Totals plus(Totals other) {
        return new Totals(count + other.count, distance.add(other.distance), movingTime.add(other.movingTime),
                elapsedTime.add(other.elapsedTime), elevationGain.add(other.elevationGain));
    }
}
