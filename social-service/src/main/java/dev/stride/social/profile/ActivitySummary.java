package dev.stride.social.profile;

/** All-time totals shown on a profile card, from workout-service's internal API. */
record ActivitySummary(long workouts, double distance, double movingTime) {
}
