package dev.stride.workout.workouts;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the transaction that creates, edits or deletes a workout, so that derived data
 * (statistics, records, gear totals) is updated in the same transaction and stays exact.
 *
 * @param before the workout before the change; null when it was created
 * @param after  the workout after the change; null when it was deleted
 */
public record WorkoutChanged(Facts before, Facts after) {

    /** What derived data needs of a workout; measurements in SI units, absent ones null. */
    public record Facts(UUID workoutId, UUID userId, Sport sport, Instant startTime, Double elapsedTime,
            Double movingTime, Double distance, Double elevationGain, UUID gearId) {
    }
}
