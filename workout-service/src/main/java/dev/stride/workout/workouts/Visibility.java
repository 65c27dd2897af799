package dev.stride.workout.workouts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may see a workout besides its owner. */
public enum Visibility {
    PUBLIC, FOLLOWERS, PRIVATE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Visibility fromWire(String value) {
        return valueOf(value.toUpperCase());
    }
}
