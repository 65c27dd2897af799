package dev.stride.workout.comparison;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A cohort attribute as social-service reports it. */
enum Sex {
    FEMALE, MALE, OTHER;

    @JsonValue
    String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    static Sex fromWire(String value) {
        for (Sex sex : values()) {
            if (sex.wireName().equals(value)) {
                return sex;
            }
        }
        throw new IllegalArgumentException("unknown sex '" + value + "'");
    }
}
