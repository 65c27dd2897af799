package dev.stride.workout.parsing;

/**
 * What the parser saw and what it changed, so nothing is dropped silently.
 *
 * @param pointsRead         track points / records in the file
 * @param segments           GPX track segments (every track starts one), TCX activities and extra tracks in a lap;
 *                           1 for FIT
 * @param droppedWithoutTime points without a timestamp in a file whose other points have one
 * @param droppedDuplicates  points whose timestamp repeats an earlier point's (the first is kept)
 * @param reordered          true when the file had points out of time order and they were sorted
 */
public record ParseStats(int pointsRead, int segments, int droppedWithoutTime, int droppedDuplicates,
        boolean reordered) {
}
