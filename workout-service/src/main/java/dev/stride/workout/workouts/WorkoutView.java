package dev.stride.workout.workouts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A workout as the API shows it: SI units, absent values null. */
record WorkoutView(UUID id, Sport sport, String title, String notes, Instant startTime, Double elapsedTime,
        Double movingTime, Double distance, Double elevationGain, Double elevationLoss, Double averageSpeed,
        Double maxSpeed, Double averageHeartRate, Double maxHeartRate, Double averageCadence, Double averagePower,
        Double maxPower, Double calories, Visibility visibility, String source, UUID gearId, Instant createdAt,
        Instant updatedAt, @JsonUnwrapped WorkoutDetails details) {
}
