package dev.stride.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The one envelope every Stride event travels in. Keyed on the wire by {@link #subjectId()} (the
 * user id) so that one user's events stay ordered within a partition.
 *
 * @param eventId      unique id; consumers use it to apply an event at most once
 * @param type         event type, one of {@link EventTypes}
 * @param version      payload schema version of that type
 * @param occurredAt   when the state change was committed by the producer
 * @param producer     the producing service, one of {@link Services}
 * @param subjectId    the user the event is about (also the Kafka record key)
 * @param payload      type-specific body, read with {@link EventCodec#payload}
 * @param traceContext W3C trace context ({@code traceparent}, optional {@code tracestate})
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String producer,
        String subjectId, JsonNode payload, Map<String, String> traceContext) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId must not be null");
        requireText(type, "type");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        requireText(producer, "producer");
        requireText(subjectId, "subjectId");
        Objects.requireNonNull(payload, "payload must not be null");
        traceContext = traceContext == null ? Map.of() : Map.copyOf(traceContext);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
