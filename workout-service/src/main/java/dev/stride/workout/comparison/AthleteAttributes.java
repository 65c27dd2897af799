package dev.stride.workout.comparison;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Cohort input for one user, fed by social-service from the profile (birth year and sex only; the
 * birth date itself stays in social-service). Either may be null: unknown, the user is left out of
 * cohorts filtered by it.
 */
record AthleteAttributes(@Min(1900) @Max(2100) Integer birthYear, Sex sex) {
}
