package dev.stride.workout.workouts;

/** All-time totals of one user, for other services (e.g. a profile card). */
record WorkoutSummary(long workouts, double distance, double movingTime) {
}
