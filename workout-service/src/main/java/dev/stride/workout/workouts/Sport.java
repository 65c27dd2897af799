package dev.stride.workout.workouts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Sports a workout can be, as clients send them (kebab-case). */
public enum Sport {
    RUN, TRAIL_RUN, WALK, HIKE, RIDE, VIRTUAL_RIDE, MOUNTAIN_BIKE, SWIM_POOL, SWIM_OPEN_WATER, ROW, SKI_ALPINE,
    SKI_CROSS_COUNTRY, STRENGTH, OTHER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }

    @JsonCreator
    public static Sport fromWire(String value) {
        for (Sport sport : values()) {
            if (sport.wireName().equals(value)) {
                return sport;
            }
        }
        throw new IllegalArgumentException("unknown sport '" + value + "'");
    }
}
