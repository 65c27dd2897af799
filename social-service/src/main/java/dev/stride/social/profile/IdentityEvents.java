package dev.stride.social.profile;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.kit.events.IdempotentConsumer;

/** A registration creates the profile; a deletion erases it. */
@Component
class IdentityEvents {

    private final EventCodec codec;
    private final IdempotentConsumer once;
    private final ProfileService profiles;

    IdentityEvents(EventCodec codec, IdempotentConsumer once, ProfileService profiles) {
        this.codec = codec;
        this.once = once;
        this.profiles = profiles;
    }

    @KafkaListener(topics = Topics.IDENTITY_EVENTS, groupId = "social-service.profiles")
    void on(String message) {
        EventEnvelope envelope = codec.read(message);
        switch (envelope.type()) {
            case EventTypes.USER_REGISTERED -> {
                UserRegistered user = codec.payload(envelope, UserRegistered.class);
                String name = user.displayName() == null || user.displayName().isBlank() ? "Athlete" : user.displayName();
                once.runOnce("social-profiles", envelope.eventId(), () -> profiles.createIfAbsent(user.userId(), name));
            }
            case EventTypes.USER_DELETED -> {
                UserDeleted user = codec.payload(envelope, UserDeleted.class);
                once.runOnce("social-profiles", envelope.eventId(), () -> profiles.erase(user.userId()));
            }
            default -> {
                // other identity events do not concern profiles
            }
        }
    }
}
