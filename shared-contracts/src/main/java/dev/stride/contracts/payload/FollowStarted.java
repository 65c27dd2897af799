package dev.stride.contracts.payload;

import java.util.Objects;
import java.util.UUID;

/**
 * Payload of {@code follow-started} (version 1) on the social events topic, keyed by
 * {@code followerId}: the follower now sees the followee's workouts with visibility "followers".
 * Every event of one pair is keyed by the same follower, so they stay in order on one partition;
 * consumers still apply them by the envelope's {@code occurredAt} (last change wins) so that a
 * replayed older event cannot undo a newer one.
 */
public record FollowStarted(UUID followerId, UUID followeeId) {

    public FollowStarted {
        Objects.requireNonNull(followerId, "followerId must not be null");
        Objects.requireNonNull(followeeId, "followeeId must not be null");
    }
}
