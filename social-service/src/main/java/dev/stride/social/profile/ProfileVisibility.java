package dev.stride.social.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** PUBLIC profiles are shown to every signed-in user; PRIVATE only to their owner. */
enum ProfileVisibility {
    PUBLIC, PRIVATE;

    @JsonValue
    String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    static ProfileVisibility fromWire(String value) {
        return valueOf(value.toUpperCase());
    }
}
