package dev.stride.contracts.payload;

import java.util.Objects;
import java.util.UUID;

/**
 * Payload of {@code follow-ended} (version 1) on the social events topic, keyed by
 * {@code followerId}: an unfollow, or the followee removing the follower. Ordered and applied
 * like {@link FollowStarted}.
 */
public record FollowEnded(UUID followerId, UUID followeeId) {

    public FollowEnded {
        Objects.requireNonNull(followerId, "followerId must not be null");
        Objects.requireNonNull(followeeId, "followeeId must not be null");
    }
}
