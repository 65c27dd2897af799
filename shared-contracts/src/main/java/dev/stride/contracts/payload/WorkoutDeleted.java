package dev.stride.contracts.payload;

import java.util.Objects;
import java.util.UUID;

/** Payload of {@code workout-deleted} (version 1): projections drop what they hold of the workout. */
public record WorkoutDeleted(UUID workoutId, UUID userId) {

    public WorkoutDeleted {
        Objects.requireNonNull(workoutId, "workoutId must not be null");
        Objects.requireNonNull(userId, "userId must not be null");
    }
}
