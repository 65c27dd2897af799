package dev.stride.workout.workouts;

import java.util.List;

/** @param nextCursor pass as {@code cursor} to read on; null on the last page */
record WorkoutPage(List<WorkoutView> items, String nextCursor) {
}
