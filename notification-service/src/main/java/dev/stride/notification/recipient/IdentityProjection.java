package dev.stride.notification.recipient;

import java.time.ZoneId;
import java.util.Set;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.kit.events.EventHandlers;
import dev.stride.kit.events.NonRetryableEventException;
import dev.stride.notification.message.MessageErasure;

/**
 * Keeps the recipient projection in step with identity events; {@code user-deleted} also erases the
 * user's delivery log, inbox and unsubscribe entries, dropping queued mail.
 */
@Component
class IdentityProjection {

    private static final Set<String> LOCALES = Set.of("ru", "en");

    private final EventHandlers handlers;

    IdentityProjection(EventHandlers.Factory events, RecipientStore store, MessageErasure erasure) {
        this.handlers = events.forConsumer("notification-recipients")
                .on(EventTypes.USER_REGISTERED, UserRegistered.class, (user, envelope) -> store.upsert(user.userId(),
                        user.email(), LOCALES.contains(user.locale()) ? user.locale() : "en",
                        validZone(user.timeZone()), envelope.occurredAt()))
                .on(EventTypes.USER_DELETED, UserDeleted.class, user -> {
                    store.erase(user.userId());
                    erasure.erase(user.userId());
                });
    }

    @KafkaListener(topics = Topics.IDENTITY_EVENTS, groupId = "notification-service.recipients")
    void on(String message) {
        handlers.handle(message);
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
