package dev.stride.kit.events;

import dev.stride.contracts.EventEnvelope;

/**
 * Publishes events through the transactional outbox: the event is written in the caller's
 * database transaction and relayed to Kafka after it commits. A rolled-back transaction publishes
 * nothing; a committed one is delivered even if Kafka or this service is down at that moment.
 */
public interface EventPublisher {

    /**
     * Wraps the payload in an envelope (new event id, now, this service as producer, the current
     * trace context) and writes it to the outbox.
     *
     * @param subjectId the user the event is about; also the Kafka key, so a user's events stay ordered
     * @throws IllegalStateException when no transaction is active
     */
    EventEnvelope publish(String topic, String type, int version, String subjectId, Object payload);

    /** Writes a ready envelope to the outbox. @throws IllegalStateException when no transaction is active */
    void publish(String topic, EventEnvelope envelope);
}
