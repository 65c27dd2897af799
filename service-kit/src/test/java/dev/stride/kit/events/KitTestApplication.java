package dev.stride.kit.events;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;

@SpringBootApplication
class KitTestApplication {

    @Bean
    AppliedEvents appliedEvents(IdempotentConsumer consumer, EventCodec codec, JdbcClient jdbc) {
        return new AppliedEvents(consumer, codec, jdbc);
    }

    /** A consumer as services write them: parse, then apply once. */
    static class AppliedEvents {

        private final IdempotentConsumer consumer;
        private final EventCodec codec;
        private final JdbcClient jdbc;

        AppliedEvents(IdempotentConsumer consumer, EventCodec codec, JdbcClient jdbc) {
            this.consumer = consumer;
            this.codec = codec;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = Topics.IDENTITY_EVENTS, groupId = "kit-test-applied")
        void on(String message) {
            EventEnvelope envelope = codec.read(message);
            codec.payload(envelope, UserDeleted.class); // a payload of the wrong shape is a poison message
            consumer.runOnce("kit-test", envelope.eventId(), () -> jdbc
                    .sql("insert into kit_test_applied (event_id) values (:id)").param("id", envelope.eventId())
                    .update());
        }
    }
}
