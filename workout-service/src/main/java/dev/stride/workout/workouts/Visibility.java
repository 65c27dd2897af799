package dev.stride.workout.workouts;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may see a workout besides its owner. */
public enum Visibility {
    PUBLIC, FOLLOWERS, PRIVATE;

    /**
     * The one rule of who sees a workout: the owner always; anyone signed in a public one; a
     * follower of the owner a followers-only one; nobody else a private one.
     */
    public boolean visibleTo(UUID viewer, UUID owner, FollowGraph follows) {
        if (owner.equals(viewer) || this == PUBLIC) {
            return true;
        }
        return this == FOLLOWERS && follows.follows(viewer, owner);
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Visibility fromWire(String value) {
        return valueOf(value.toUpperCase());
    }
}
