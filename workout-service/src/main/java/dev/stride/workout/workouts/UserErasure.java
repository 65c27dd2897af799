package dev.stride.workout.workouts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.kit.events.EventHandlers;

/** Honours {@code user-deleted}: every workout of the user is erased. */
@Component
class UserErasure {

    private static final Logger log = LoggerFactory.getLogger(UserErasure.class);

    private final EventHandlers handlers;

    UserErasure(EventHandlers.Factory events, WorkoutRepository workouts, ApplicationEventPublisher changes) {
        this.handlers = events.forConsumer("workout-erasure").on(EventTypes.USER_DELETED, UserDeleted.class, user -> {
            log.info("erased {} workouts of a deleted user", workouts.deleteAllOfUser(user.userId()));
            changes.publishEvent(new UserWorkoutsErased(user.userId()));
        });
    }

    @KafkaListener(topics = Topics.IDENTITY_EVENTS, groupId = "workout-service.erasure")
    void on(String message) {
        handlers.handle(message);
    }
}
