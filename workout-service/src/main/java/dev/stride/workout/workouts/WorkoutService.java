package dev.stride.workout.workouts;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.WorkoutRecorded;
import dev.stride.kit.events.EventPublisher;
import dev.stride.kit.web.StrideProblemException;
import dev.stride.kit.ids.TimeOrderedIds;

@Service
class WorkoutService {

    private final WorkoutRepository workouts;
    private final EventPublisher events;
    private final ApplicationEventPublisher changes;
    private final GearChoice gear;
    private final Clock clock;

    WorkoutService(WorkoutRepository workouts, EventPublisher events, ApplicationEventPublisher changes,
            GearChoice gear) {
        this.workouts = workouts;
        this.events = events;
        this.changes = changes;
        this.gear = gear;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    WorkoutView record(UUID userId, ManualWorkout input) {
        UUID gearId = gear.gearFor(userId, input.sport(), input.gearId());
        Workout workout = workouts.save(
                Workout.manual(TimeOrderedIds.next(), userId, input, gearId, clock.instant()));
        WorkoutView view = workout.view();
        changes.publishEvent(new WorkoutChanged(null, workout.facts()));
        events.publish(Topics.WORKOUT_EVENTS, EventTypes.WORKOUT_RECORDED, 1, userId.toString(),
                new WorkoutRecorded(view.id(), userId, view.sport().wireName(), view.startTime(), view.elapsedTime(),
                        view.movingTime(), view.distance(), view.elevationGain(), view.visibility().wireName()));
        return view;
    }

    /** Another user's workout is reported exactly like a missing one. */
    @Transactional(readOnly = true)
    WorkoutView find(UUID userId, UUID id) {
        return workouts.findByIdAndUserId(id, userId).map(Workout::view)
                .orElseThrow(() -> StrideProblemException.notFound("Workout " + id));
    }

    @Transactional(readOnly = true)
    WorkoutPage list(UUID userId, String cursor, int limit) {
        Limit page = Limit.of(limit + 1);
        List<Workout> found = cursor == null ? workouts.firstPage(userId, page)
                : pageAfter(userId, WorkoutCursor.decode(cursor), page);
        List<WorkoutView> items = found.stream().limit(limit).map(Workout::view).toList();
        String next = found.size() > limit
                ? new WorkoutCursor(items.get(limit - 1).startTime(), items.get(limit - 1).id()).encode() : null;
        return new WorkoutPage(items, next);
    }

    private List<Workout> pageAfter(UUID userId, WorkoutCursor cursor, Limit page) {
        return workouts.pageAfter(userId, cursor.startTime(), cursor.id(), page);
    }

    @Transactional
    void delete(UUID userId, UUID id) {
        Workout workout = workouts.findByIdAndUserId(id, userId)
                .orElseThrow(() -> StrideProblemException.notFound("Workout " + id));
        workouts.delete(workout);
        changes.publishEvent(new WorkoutChanged(workout.facts(), null));
        events.publish(Topics.WORKOUT_EVENTS, EventTypes.WORKOUT_DELETED, 1, userId.toString(),
                new WorkoutDeleted(id, userId));
    }

    /** Payload of {@code workout-deleted}. */
    record WorkoutDeleted(UUID workoutId, UUID userId) {
    }
}
