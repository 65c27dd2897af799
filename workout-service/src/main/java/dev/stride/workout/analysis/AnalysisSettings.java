package dev.stride.workout.analysis;

import java.util.List;

/**
 * The athlete's parameters and the tuning knobs of the analysis. Null means "not known".
 *
 * @param heartRateZoneFloors lower bound (bpm) of zones 2..n in ascending order (zone 1 starts at 0);
 *                            null → five zones from the max heart rate (60/70/80/90 %)
 * @param maxHeartRate        the athlete's max heart rate; null → the workout's own max
 * @param weightKg            used by the calorie estimate only; null → 70 kg
 * @param elevationThreshold  metres of the dead band of the elevation filter
 * @param polylineTolerance   metres of the Douglas–Peucker tolerance for the map polyline
 * @param movingSpeedThreshold m/s; null → the sport's threshold (see docs/workouts.md)
 */
public record AnalysisSettings(List<Integer> heartRateZoneFloors, Integer maxHeartRate, Double weightKg,
        double elevationThreshold, double polylineTolerance, Double movingSpeedThreshold) {

    public static final double DEFAULT_ELEVATION_THRESHOLD = 2.0;
    public static final double DEFAULT_POLYLINE_TOLERANCE = 5.0;
    public static final double DEFAULT_WEIGHT_KG = 70.0;

    public AnalysisSettings {
        heartRateZoneFloors = heartRateZoneFloors == null ? null : List.copyOf(heartRateZoneFloors);
        if (elevationThreshold < 0 || polylineTolerance < 0) {
            throw new IllegalArgumentException("thresholds must not be negative");
        }
    }

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(null, null, null, DEFAULT_ELEVATION_THRESHOLD, DEFAULT_POLYLINE_TOLERANCE, null);
    }

    public AnalysisSettings withHeartRateZones(List<Integer> floors) {
        return new AnalysisSettings(floors, maxHeartRate, weightKg, elevationThreshold, polylineTolerance, movingSpeedThreshold);
    }

    public AnalysisSettings withMaxHeartRate(Integer max) {
        return new AnalysisSettings(heartRateZoneFloors, max, weightKg, elevationThreshold, polylineTolerance, movingSpeedThreshold);
    }

    public AnalysisSettings withElevationThreshold(double metres) {
        return new AnalysisSettings(heartRateZoneFloors, maxHeartRate, weightKg, metres, polylineTolerance,
                movingSpeedThreshold);
    }

    public AnalysisSettings withMovingSpeedThreshold(Double metresPerSecond) {
        return new AnalysisSettings(heartRateZoneFloors, maxHeartRate, weightKg, elevationThreshold, polylineTolerance,
                metresPerSecond);
    }

    public AnalysisSettings withWeightKg(Double kg) {
        return new AnalysisSettings(heartRateZoneFloors, maxHeartRate, kg, elevationThreshold, polylineTolerance, movingSpeedThreshold);
    }
}
