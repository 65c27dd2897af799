package dev.stride.workout.workouts;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A workout entered by hand. Bounds reject impossible values (a week-long run, 100 000 km).
 * {@code gearId} is optional: absent, the user's default gear for the sport is used.
 */
record ManualWorkout(
        @NotNull Sport sport,
        @NotNull @PastOrPresent Instant startTime,
        @NotNull @Positive @DecimalMax("604800") Double elapsedTime,
        @Positive @DecimalMax("604800") Double movingTime,
        @PositiveOrZero @DecimalMax("2000000") Double distance,
        @PositiveOrZero @DecimalMax("20000") Double elevationGain,
        @DecimalMin("20") @DecimalMax("250") Double averageHeartRate,
        @DecimalMin("20") @DecimalMax("250") Double maxHeartRate,
        @PositiveOrZero @DecimalMax("50000") Double calories,
        @Size(max = 200) String title,
        @Size(max = 4000) String notes,
        Visibility visibility,
        UUID gearId) {
}
