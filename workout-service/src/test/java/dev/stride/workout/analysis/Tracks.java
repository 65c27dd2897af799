package dev.stride.workout.analysis;

import dev.stride.workout.parsing.DeviceTotals;
import dev.stride.workout.parsing.FileFormat;
import dev.stride.workout.parsing.ParseStats;
import dev.stride.workout.parsing.ParsedActivity;
import dev.stride.workout.parsing.ParsedSession;
import dev.stride.workout.parsing.TimerPause;
import dev.stride.workout.parsing.TrackPoints;
import dev.stride.workout.parsing.TrackPointsBuilder;
import dev.stride.workout.workouts.Sport;
import java.time.Instant;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Synthetic tracks: points one second apart going north along a meridian. */
final class Tracks {

    static final long T0 = Instant.parse("2024-05-01T08:00:00Z").toEpochMilli();
    static final double METRES_PER_DEGREE = Math.PI / 180 * 6_371_008.8;

    private Tracks() {
    }

    /** @param metresAt cumulative distance of point i */
    static ParsedActivity north(Sport sport, int n, IntToDoubleFunction metresAt, IntToDoubleFunction elevation,
            IntToDoubleFunction heartRate, IntToDoubleFunction power, List<TimerPause> pauses) {
        TrackPointsBuilder b = new TrackPointsBuilder(10_000_000);
        for (int i = 0; i < n; i++) {
            b.add(T0 + i * 1000L, 45.0 + metresAt.applyAsDouble(i) / METRES_PER_DEGREE, 7.0,
                    elevation == null ? Float.NaN : (float) elevation.applyAsDouble(i), Double.NaN,
                    heartRate == null ? Float.NaN : (float) heartRate.applyAsDouble(i), Float.NaN,
                    power == null ? Float.NaN : (float) power.applyAsDouble(i), Float.NaN, Float.NaN);
        }
        return activity(sport, b.build(true), pauses, DeviceTotals.NONE);
    }

    static ParsedActivity activity(Sport sport, TrackPoints points, List<TimerPause> pauses, DeviceTotals totals) {
        Instant start = Instant.ofEpochMilli(points.time(0));
        Instant end = Instant.ofEpochMilli(points.time(points.size() - 1));
        return new ParsedActivity(FileFormat.GPX, sport, sport.name(), start, null, null, points, List.of(),
                List.of(new ParsedSession(sport, sport.name(), start, end, 0, points.size(), totals)), totals, pauses,
                new ParseStats(points.size(), 1, 0, 0, false));
    }

    static ParsedActivity steady(Sport sport, int n, double speed) {
        return north(sport, n, i -> i * speed, null, null, null, List.of());
    }
}
