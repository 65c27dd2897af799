package dev.stride.contracts.payload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Payload of {@code workout-recorded} (version 1): a summary only, never raw points. Absent
 * measurements are null.
 */
public record WorkoutRecorded(UUID workoutId, UUID userId, String sport, Instant startTime, Double elapsedTime,
        Double movingTime, Double distance, Double elevationGain, String visibility) {

    public WorkoutRecorded {
        Objects.requireNonNull(workoutId, "workoutId must not be null");
        Objects.requireNonNull(userId, "userId must not be null");
        Objects.requireNonNull(sport, "sport must not be null");
        Objects.requireNonNull(startTime, "startTime must not be null");
    }
}
