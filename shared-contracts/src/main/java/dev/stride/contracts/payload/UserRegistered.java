package dev.stride.contracts.payload;

import java.util.Objects;
import java.util.UUID;

/** Payload of {@code user-registered} (version 1). Carries the address so notification can mail. */
public record UserRegistered(UUID userId, String email, String displayName, String locale, String timeZone) {

    public UserRegistered {
        Objects.requireNonNull(userId, "userId must not be null");
        Objects.requireNonNull(email, "email must not be null");
        Objects.requireNonNull(locale, "locale must not be null");
        Objects.requireNonNull(timeZone, "timeZone must not be null");
    }
}
