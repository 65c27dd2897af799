package dev.stride.workout.workouts;

import java.util.UUID;

/**
 * Whether one user follows another; implemented by the follows package (a projection of
 * social-service's events) so that workouts do not depend on how follows are stored.
 */
public interface FollowGraph {

    boolean follows(UUID follower, UUID followee);
}
