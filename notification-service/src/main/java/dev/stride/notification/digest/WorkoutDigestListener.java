package dev.stride.notification.digest;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.WorkoutDeleted;
import dev.stride.contracts.payload.WorkoutRecorded;
import dev.stride.kit.events.EventHandlers;
import dev.stride.kit.events.NonRetryableEventException;

/**
 * Keeps the digest's copy of each workout's summary from workout events: {@code workout-recorded}
 * and {@code workout-updated} (the whole new summary) replace it, {@code workout-deleted} removes it.
 * Other workout events (records, gear) are not the digest's business and are skipped.
 */
@Component
class WorkoutDigestListener {

    private static final int MAX_SPORT_LENGTH = 32;

    private final EventHandlers handlers;

    WorkoutDigestListener(EventHandlers.Factory events, DigestStore store) {
        this.handlers = events.forConsumer("notification-digest")
                .on(EventTypes.WORKOUT_RECORDED, WorkoutRecorded.class,
                        (workout, envelope) -> store.record(valid(workout), envelope.occurredAt()))
                .on(EventTypes.WORKOUT_UPDATED, WorkoutRecorded.class,
                        (workout, envelope) -> store.record(valid(workout), envelope.occurredAt()))
                .on(EventTypes.WORKOUT_DELETED, WorkoutDeleted.class,
                        (workout, envelope) -> store.delete(workout.workoutId(), workout.userId(), envelope.occurredAt()));
    }

    @KafkaListener(topics = Topics.WORKOUT_EVENTS, groupId = "notification-service.digest")
    void on(String message) {
        handlers.handle(message);
    }

    private static WorkoutRecorded valid(WorkoutRecorded workout) {
        if (workout.sport().isBlank() || workout.sport().length() > MAX_SPORT_LENGTH) {
            throw new NonRetryableEventException("sport must have 1.." + MAX_SPORT_LENGTH + " characters");
        }
        measurement("distance", workout.distance());
        measurement("movingTime", workout.movingTime());
        measurement("elevationGain", workout.elevationGain());
        return workout;
    }

    private static void measurement(String name, Double value) {
        if (value != null && (!Double.isFinite(value) || value < 0)) {
            throw new NonRetryableEventException(name + " must be a finite number >= 0, was " + value);
        }
    }
}
