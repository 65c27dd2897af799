package dev.stride.kit.events;

import java.util.UUID;

/**
 * Applies an event at most once per consumer: the event id is recorded in the consumer's own
 * database transaction, together with the work, so a redelivered event is skipped.
 */
public interface IdempotentConsumer {

    /**
     * Runs {@code work} in a transaction unless {@code consumer} already processed {@code eventId}.
     *
     * @return true when the work ran, false when the event was a duplicate
     */
    boolean runOnce(String consumer, UUID eventId, Runnable work);
}
