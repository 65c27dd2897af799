package dev.stride.workout.gear;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

enum GearType {
    SHOES, BIKE, OTHER;

    @JsonValue
    String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    static GearType fromWire(String value) {
        for (GearType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown gear type '" + value + "'");
    }
}
