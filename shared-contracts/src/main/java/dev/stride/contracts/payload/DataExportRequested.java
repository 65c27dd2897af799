package dev.stride.contracts.payload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Payload of {@code data-export-requested} (version 1): the user asked for a copy of their data.
 * Every service that holds data of {@code userId} contributes its part under {@code requestId}.
 */
public record DataExportRequested(UUID userId, UUID requestId, Instant requestedAt) {

    public DataExportRequested {
        Objects.requireNonNull(userId, "userId must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
        Objects.requireNonNull(requestedAt, "requestedAt must not be null");
    }
}
