package dev.stride.workout.workouts;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * What the analysis of a file adds to a workout (all null for manual workouts). The JSON members
 * are stored as jsonb and shown as they are: {@code splits} per kilometre, {@code splitsMile},
 * {@code laps}, {@code bestEfforts} and {@code heartRateZones} (time per zone with the athlete's
 * settings when the file was analysed; see docs/workouts.md for each definition). {@code polyline}
 * is the encoded simplified track (precision 5); the owner sees it whole.
 */
record WorkoutDetails(String deviceManufacturer, String deviceModel,
        @JsonRawValue String splits,
        @JsonRawValue String splitsMile, @JsonRawValue String laps, @JsonRawValue String bestEfforts,
        @JsonRawValue String heartRateZones, String polyline) {
}
