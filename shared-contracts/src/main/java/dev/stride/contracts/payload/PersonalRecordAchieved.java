package dev.stride.contracts.payload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Payload of {@code personal-record-achieved} (version 1): a user's new best time over a
 * best-effort distance in one sport. SI units.
 *
 * @param effort               the distance's name, e.g. "5k", "1 mile"
 * @param distance             metres
 * @param elapsedTime          seconds of the new record
 * @param previousElapsedTime  seconds of the record it replaced, null for the first one
 * @param achievedAt           when the effort started
 */
public record PersonalRecordAchieved(UUID userId, UUID workoutId, String sport, String effort, double distance,
        double elapsedTime, Double previousElapsedTime, Instant achievedAt) {

    public PersonalRecordAchieved {
        Objects.requireNonNull(userId, "userId must not be null");
        Objects.requireNonNull(workoutId, "workoutId must not be null");
        Objects.requireNonNull(sport, "sport must not be null");
        Objects.requireNonNull(effort, "effort must not be null");
    }
}
