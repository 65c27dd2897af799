package dev.stride.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes envelopes as JSON. One codec for producers and consumers so that both sides
 * agree on dates (ISO-8601 strings) and unknown fields (tolerated: producers may add fields in
 * the same version).
 */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public EventEnvelope envelope(String type, int version, String producer, String subjectId, Object payload,
            Map<String, String> traceContext) {
        return new EventEnvelope(UUID.randomUUID(), type, version, Instant.now(), producer, subjectId,
                mapper.valueToTree(payload), traceContext);
    }

    public String write(EventEnvelope envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /** @throws MalformedEventException when the text is not a valid envelope */
    public EventEnvelope read(String json) {
        try {
            EventEnvelope envelope = mapper.readValue(json, EventEnvelope.class);
            if (envelope == null) {
                throw new MalformedEventException("event is empty");
            }
            return envelope;
        }
        catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
            throw new MalformedEventException("not a valid event envelope: " + firstLine(ex.getMessage()), ex);
        }
    }

    /** @throws MalformedEventException when the payload does not match the type */
    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            T value = mapper.treeToValue(envelope.payload(), type);
            if (value == null) {
                throw new MalformedEventException("payload of " + envelope.type() + " is empty");
            }
            return value;
        }
        catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
            throw new MalformedEventException(
                    "payload of " + envelope.type() + " is not a " + type.getSimpleName() + ": "
                            + firstLine(ex.getMessage()), ex);
        }
    }

    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
