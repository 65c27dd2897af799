package dev.stride.contracts.payload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Payload of {@code account-settings-changed} (version 1): the account's language and time zone as
 * they are now (both, even if only one changed), as of {@code changedAt}. Projections keep the
 * newest and ignore an event older than what they hold.
 */
public record AccountSettingsChanged(UUID userId, String locale, String timeZone, Instant changedAt) {

    public AccountSettingsChanged {
        Objects.requireNonNull(userId, "userId must not be null");
        Objects.requireNonNull(locale, "locale must not be null");
        Objects.requireNonNull(timeZone, "timeZone must not be null");
        Objects.requireNonNull(changedAt, "changedAt must not be null");
    }
}
