package dev.stride.workout.parsing;

import dev.stride.workout.workouts.Sport;
import java.time.Instant;
import java.util.List;

/**
 * What a workout file says, before any analysis.
 *
 * @param format             detected format
 * @param sport              Stride sport mapped from the file ({@link Sport#OTHER} when the file
 *                           does not say or says something Stride does not know)
 * @param fileSport          the sport as the file wrote it (e.g. "Running", "road_biking", "cycling"), or null
 * @param startTime          first timestamp (first point, else the file's own start), or null for an untimed route
 * @param deviceManufacturer e.g. "garmin", or null
 * @param deviceModel        e.g. "Forerunner 410", "fenix5", or null
 * @param points             the track in time order
 * @param laps               laps as declared by the file (TCX Lap, FIT lap); empty for GPX
 * @param sessions           one per sport session; GPX/TCX: exactly one
 * @param totals             totals the device wrote for the whole file
 * @param timerPauses        intervals when the device timer was stopped (FIT)
 * @param stats              what was read and what the ordering rules dropped
 */
public record ParsedActivity(FileFormat format, Sport sport, String fileSport, Instant startTime,
        String deviceManufacturer, String deviceModel, TrackPoints points, List<ParsedLap> laps,
        List<ParsedSession> sessions, DeviceTotals totals, List<TimerPause> timerPauses, ParseStats stats) {

    public ParsedActivity {
        laps = List.copyOf(laps);
        sessions = List.copyOf(sessions);
        timerPauses = List.copyOf(timerPauses);
    }

    /**
     * The activity of one session only: its points, its laps, its totals. This is how a multisport
     * FIT file becomes one workout per session.
     */
    public ParsedActivity session(int index) {
        ParsedSession s = sessions.get(index);
        if (sessions.size() == 1 && s.firstPoint() == 0 && s.endPoint() == points.size()) {
            return this;
        }
        TrackPoints slice = points.slice(s.firstPoint(), s.endPoint());
        Instant end = s.endTime();
        List<ParsedLap> sessionLaps = laps.stream()
                .filter(l -> l.startTime() != null && !l.startTime().isBefore(s.startTime())
                        && (end == null || l.startTime().isBefore(end)))
                .toList();
        List<TimerPause> pauses = timerPauses.stream()
                .filter(p -> p.toMillis() >= s.startTime().toEpochMilli()
                        && (end == null || p.fromMillis() <= end.toEpochMilli()))
                .toList();
        return new ParsedActivity(format, s.sport(), s.fileSport(), s.startTime(), deviceManufacturer, deviceModel,
                slice, sessionLaps, List.of(new ParsedSession(s.sport(), s.fileSport(), s.startTime(), end, 0,
                        slice.size(), s.totals())), s.totals(), pauses, stats);
    }
}
