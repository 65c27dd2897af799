package dev.stride.workout.workouts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A workout made from an uploaded file: the analysis results in SI units (absent ones null) and
 * the JSON-ready lists the workout shows. Made by the upload pipeline, recorded by
 * {@link FileWorkouts#record(FileWorkout)}.
 */
public record FileWorkout(UUID userId, Sport sport, String title, Visibility visibility, Instant startTime,
        Double elapsedTime, Double movingTime, Double distance, Double elevationGain, Double elevationLoss,
        Double averageSpeed, Double maxSpeed, Double averageHeartRate, Double maxHeartRate, Double averageCadence,
        Double averagePower, Double maxPower, Double calories, String deviceManufacturer, String deviceModel,
        List<?> splitsKm, List<?> splitsMile, List<?> laps, List<?> bestEfforts, List<?> heartRateZones,
        String polyline) {
}
