package dev.stride.marketing.consent;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.kit.events.EventHandlers;

/** Honours {@code user-deleted}: consent and its history are erased. */
@Component
class ConsentErasure {

    private final EventHandlers handlers;

    ConsentErasure(EventHandlers.Factory events, ConsentService consents) {
        this.handlers = events.forConsumer("marketing-consent-erasure")
                .on(EventTypes.USER_DELETED, UserDeleted.class, user -> consents.erase(user.userId()));
    }

    @KafkaListener(topics = Topics.IDENTITY_EVENTS, groupId = "marketing-service.consent")
    void on(String message) {
        handlers.handle(message);
    }
}
