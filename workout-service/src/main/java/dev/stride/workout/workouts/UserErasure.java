package dev.stride.workout.workouts;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.kit.events.IdempotentConsumer;

/** Honours {@code user-deleted}: every workout of the user is erased. */
@Component
class UserErasure {

    private static final Logger log = LoggerFactory.getLogger(UserErasure.class);

    private final EventCodec codec;
    private final IdempotentConsumer once;
    private final WorkoutRepository workouts;

    UserErasure(EventCodec codec, IdempotentConsumer once, WorkoutRepository workouts) {
        this.codec = codec;
        this.once = once;
        this.workouts = workouts;
    }

    @KafkaListener(topics = Topics.IDENTITY_EVENTS, groupId = "workout-service.erasure")
    void on(String message) {
        EventEnvelope envelope = codec.read(message);
        if (!EventTypes.USER_DELETED.equals(envelope.type())) {
            return;
        }
        UUID userId = codec.payload(envelope, UserDeleted.class).userId();
        once.runOnce("workout-erasure", envelope.eventId(), () -> {
            int erased = workouts.deleteAllOfUser(userId);
            log.info("erased {} workouts of a deleted user", erased);
        });
    }
}
