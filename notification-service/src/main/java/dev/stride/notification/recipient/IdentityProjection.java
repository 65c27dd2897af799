package dev.stride.notification.recipient;

import java.time.ZoneId;
import java.util.Set;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.kit.events.IdempotentConsumer;
import dev.stride.kit.events.NonRetryableEventException;

/** Keeps the recipient projection in step with identity events. */
@Component
class IdentityProjection {

    private static final Set<String> LOCALES = Set.of("ru", "en");

    private final EventCodec codec;
    private final IdempotentConsumer once;
    private final RecipientStore store;

    IdentityProjection(EventCodec codec, IdempotentConsumer once, RecipientStore store) {
        this.codec = codec;
        this.once = once;
        this.store = store;
    }

    @KafkaListener(topics = Topics.IDENTITY_EVENTS, groupId = "notification-service.recipients")
    void on(String message) {
        EventEnvelope envelope = codec.read(message);
        switch (envelope.type()) {
            case EventTypes.USER_REGISTERED -> {
                UserRegistered user = codec.payload(envelope, UserRegistered.class);
                String locale = LOCALES.contains(user.locale()) ? user.locale() : "en";
                String zone = validZone(user.timeZone());
                once.runOnce("notification-recipients", envelope.eventId(),
                        () -> store.upsert(user.userId(), user.email(), locale, zone, envelope.occurredAt()));
            }
            case EventTypes.USER_DELETED -> {
                UserDeleted user = codec.payload(envelope, UserDeleted.class);
                once.runOnce("notification-recipients", envelope.eventId(), () -> store.erase(user.userId()));
            }
            default -> {
                // other identity events carry nothing this projection keeps
            }
        }
    }

    private static String validZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        }
        catch (RuntimeException ex) {
            throw new NonRetryableEventException("time zone '" + zone + "' is not a valid zone id", ex);
        }
    }
}
