package dev.stride.kit.events;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;

/** Writes events to the {@code stride_outbox} table inside the caller's transaction. */
class OutboxEventPublisher implements EventPublisher {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final String producer;
    private final TraceContextSource traces;
    private final OutboxRelay relay;

    OutboxEventPublisher(JdbcClient jdbc, EventCodec codec, String producer, TraceContextSource traces,
            OutboxRelay relay) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.producer = producer;
        this.traces = traces;
        this.relay = relay;
    }

    @Override
    public EventEnvelope publish(String topic, String type, int version, String subjectId, Object payload) {
        Map<String, String> trace = traces.current();
        EventEnvelope envelope = codec.envelope(type, version, producer, subjectId, payload, trace);
        publish(topic, envelope);
        return envelope;
    }

    @Override
    public void publish(String topic, EventEnvelope envelope) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events must be published inside the transaction that changes the state; "
                    + "none is active for " + envelope.type());
        }
        jdbc.sql("""
                insert into stride_outbox (event_id, topic, message_key, event_type, payload)
                values (:eventId, :topic, :key, :type, :payload)""")
                .param("eventId", envelope.eventId())
                .param("topic", topic)
                .param("key", envelope.subjectId())
                .param("type", envelope.type())
                .param("payload", codec.write(envelope))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
    }
}
