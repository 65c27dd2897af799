package dev.stride.workout.analysis;

import dev.stride.workout.workouts.Sport;
import java.time.Instant;
import java.util.List;

/**
 * Everything Stride derives from one activity. SI units: metres, seconds, m/s, bpm, rpm/spm,
 * watts, kcal. Absent values are null, never 0. Definitions: docs/workouts.md.
 */
public record WorkoutAnalysis(
        Sport sport,
        Instant startTime,
        int pointCount,
        int spikesRemoved,
        DistanceSource distanceSource,
        Double distance,
        Double elapsedTime,
        Double timerTime,
        Double movingTime,
        Double elevationGain,
        Double elevationLoss,
        Double minElevation,
        Double maxElevation,
        Double averageSpeed,
        Double maxSpeed,
        Double averageHeartRate,
        Double maxHeartRate,
        List<ZoneTime> heartRateZones,
        Double averageCadence,
        Double maxCadence,
        Double averagePower,
        Double maxPower,
        Double normalizedPower,
        Double calories,
        boolean caloriesEstimated,
        List<Split> splitsKm,
        List<Split> splitsMile,
        List<LapSummary> laps,
        List<BestEffort> bestEfforts,
        String polyline) {

    /** Where {@link #distance()} came from. */
    public enum DistanceSource { DEVICE_STREAM, DEVICE_TOTAL, GEODESIC, NONE }

    /** Time spent in a heart-rate zone; {@code maxBpm} null for the top zone. */
    public record ZoneTime(int zone, int minBpm, Integer maxBpm, double seconds) {
    }

    /** A split of {@code distance} metres (the last one may be shorter). */
    public record Split(int index, double distance, double elapsedTime, double movingTime, Double elevationDifference,
            Double averageSpeed, Double averageHeartRate) {
    }

    /** A lap as declared by the file, with values from the device where it wrote them, else computed. */
    public record LapSummary(int index, Instant startTime, Double distance, Double elapsedTime, Double movingTime,
            Double averageSpeed, Double averageHeartRate, Double maxHeartRate, Double calories) {
    }

    /**
     * The fastest time over exactly {@code distance} metres on any sub-segment.
     *
     * @param startOffset seconds from the workout start to the start of the effort
     */
    public record BestEffort(String name, double distance, double elapsedTime, double startOffset) {
    }
}
