package dev.stride.social.profile;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.kit.events.EventHandlers;

/** A registration creates the profile; a deletion erases it. */
@Component
class IdentityEvents {

    private final EventHandlers handlers;

    IdentityEvents(EventHandlers.Factory events, ProfileService profiles) {
        this.handlers = events.forConsumer("social-profiles")
                .on(EventTypes.USER_REGISTERED, UserRegistered.class,
                        user -> profiles.createIfAbsent(user.userId(), displayName(user)))
                .on(EventTypes.USER_DELETED, UserDeleted.class, user -> profiles.erase(user.userId()));
    }

    @KafkaListener(topics = Topics.IDENTITY_EVENTS, groupId = "social-service.profiles")
    void on(String message) {
        handlers.handle(message);
    }

    private static String displayName(UserRegistered user) {
        return user.displayName() == null || user.displayName().isBlank() ? "Athlete" : user.displayName();
    }
}
