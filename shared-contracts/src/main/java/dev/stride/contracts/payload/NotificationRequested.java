package dev.stride.contracts.payload;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to notification-service to tell a user something.
 *
 * @param idempotencyKey the producer's key; a request seen twice with one key is delivered once
 * @param notBefore      optional earliest delivery time
 */
public record NotificationRequested(UUID recipientUserId, String category, String templateId,
        Map<String, String> parameters, String idempotencyKey, Instant notBefore) {

    public NotificationRequested {
        Objects.requireNonNull(recipientUserId, "recipientUserId must not be null");
        Objects.requireNonNull(category, "category must not be null");
        Objects.requireNonNull(templateId, "templateId must not be null");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey must not be null");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
