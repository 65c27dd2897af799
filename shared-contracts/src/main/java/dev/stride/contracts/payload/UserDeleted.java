package dev.stride.contracts.payload;

import java.util.Objects;
import java.util.UUID;

/** Payload of {@code user-deleted} (version 1): every service erases what it holds of the user. */
public record UserDeleted(UUID userId) {

    public UserDeleted {
        Objects.requireNonNull(userId, "userId must not be null");
    }
}
