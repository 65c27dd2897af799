package dev.stride.workout.workouts;

import java.util.UUID;

/** Published inside the transaction that erased every workout of a deleted user. */
public record UserWorkoutsErased(UUID userId) {
}
