package dev.stride.marketing.consent;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.kit.events.IdempotentConsumer;

/** Honours {@code user-deleted}: consent and its history are erased. */
@Component
class ConsentErasure {

    private final EventCodec codec;
    private final IdempotentConsumer once;
    private final ConsentService consents;

    ConsentErasure(EventCodec codec, IdempotentConsumer once, ConsentService consents) {
        this.codec = codec;
        this.once = once;
        this.consents = consents;
    }

    @KafkaListener(topics = Topics.IDENTITY_EVENTS, groupId = "marketing-service.consent")
    void on(String message) {
        EventEnvelope envelope = codec.read(message);
        if (EventTypes.USER_DELETED.equals(envelope.type())) {
            UserDeleted user = codec.payload(envelope, UserDeleted.class);
            once.runOnce("marketing-consent-erasure", envelope.eventId(), () -> consents.erase(user.userId()));
        }
    }
}
