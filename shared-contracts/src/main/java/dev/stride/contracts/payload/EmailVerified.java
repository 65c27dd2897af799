package dev.stride.contracts.payload;

import java.util.Objects;
import java.util.UUID;

/** Payload of {@code email-verified} (version 1): the user proved control of their current address. */
public record EmailVerified(UUID userId) {

    public EmailVerified {
        Objects.requireNonNull(userId, "userId must not be null");
    }
}
