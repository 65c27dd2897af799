package dev.stride.workout.parsing;

import dev.stride.workout.workouts.Sport;
import java.time.Instant;

/**
 * One sport session of a file. GPX and TCX files have exactly one session covering every point;
 * a FIT multisport file (triathlon) has one per FIT {@code session} message, with the points
 * whose timestamps fall into [startTime, endTime]. The upload pipeline makes one workout per
 * session ({@link ParsedActivity#session(int)}).
 *
 * @param firstPoint index of the first track point of the session
 * @param endPoint   index after the last track point of the session
 */
public record ParsedSession(Sport sport, String fileSport, Instant startTime, Instant endTime, int firstPoint,
        int endPoint, DeviceTotals totals) {
}
