package dev.stride.contracts.payload;

import java.util.Objects;
import java.util.UUID;

/**
 * Payload of {@code email-changed} (version 1): the account's address is now {@code email}, which
 * the user has verified. Projections that mail the user replace the address they hold.
 */
public record EmailChanged(UUID userId, String email) {

    public EmailChanged {
        Objects.requireNonNull(userId, "userId must not be null");
        Objects.requireNonNull(email, "email must not be null");
    }
}
