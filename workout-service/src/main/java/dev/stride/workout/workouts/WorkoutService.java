package dev.stride.workout.workouts;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.WorkoutDeleted;
import dev.stride.kit.events.EventPublisher;
import dev.stride.kit.web.StrideProblemException;
import dev.stride.kit.ids.TimeOrderedIds;

@Service
class WorkoutService {

    private final WorkoutRepository workouts;
    private final EventPublisher events;
    private final ApplicationEventPublisher changes;
    private final GearChoice gear;
    private final FollowGraph follows;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    WorkoutService(WorkoutRepository workouts, EventPublisher events, ApplicationEventPublisher changes,
            GearChoice gear, FollowGraph follows, JsonMapper json, Validator validator) {
        this.workouts = workouts;
        this.events = events;
        this.changes = changes;
        this.gear = gear;
        this.follows = follows;
        this.json = json;
        this.validator = validator;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    WorkoutView record(UUID userId, ManualWorkout input) {
        UUID gearId = gear.gearFor(userId, input.sport(), input.gearId());
        Workout workout = workouts.save(
                Workout.manual(TimeOrderedIds.next(), userId, input, gearId, clock.instant()));
        changes.publishEvent(new WorkoutChanged(null, workout.facts()));
        events.publish(Topics.WORKOUT_EVENTS, EventTypes.WORKOUT_RECORDED, 1, userId.toString(), workout.summary());
        return workout.view();
    }

    /**
     * Applies a merge patch by the owner. The row is locked first, so the "before" that the derived
     * data subtracts is the committed workout even when the owner edits from two devices at once.
     * Aggregates and {@code workout-updated} follow only a real change; an empty patch changes nothing.
     */
    @Transactional
    WorkoutView edit(UUID userId, UUID id, JsonNode body) {
        Workout workout = workouts.findForUpdate(id, userId)
                .orElseThrow(() -> StrideProblemException.notFound("Workout " + id));
        WorkoutPatch patch = WorkoutPatch.parse(body, workout.manual(), json, validator);
        ManualWorkout current = workout.editable();
        ManualWorkout edited = patch.applyTo(current);
        UUID gearId = patch.has("gearId") && edited.gearId() != null
                ? gear.gearFor(userId, edited.sport(), edited.gearId()) : edited.gearId();
        if (edited.equals(current)) {
            return workout.view();
        }
        WorkoutChanged.Facts before = workout.facts();
        // PostgreSQL keeps microseconds: the answer shows what a later read returns
        workout.edit(edited, gearId, clock.instant().truncatedTo(ChronoUnit.MICROS));
        workouts.flush();
        if (!before.equals(workout.facts())) {
            changes.publishEvent(new WorkoutChanged(before, workout.facts()));
        }
        events.publish(Topics.WORKOUT_EVENTS, EventTypes.WORKOUT_UPDATED, 1, userId.toString(), workout.summary());
        return workout.view();
    }

    /**
     * The owner sees the whole workout; another user one they may see ({@link Visibility#visibleTo})
     * without its polyline (the full route could reveal a privacy zone; {@code /map} gives the route
     * with the zones removed). A workout the viewer may not see is reported exactly like a missing one.
     */
    @Transactional(readOnly = true)
    WorkoutView find(UUID viewer, UUID id) {
        return workouts.findById(id).filter(w -> w.visibility().visibleTo(viewer, w.userId(), follows))
                .map(w -> w.userId().equals(viewer) ? w.view() : w.viewForOthers())
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
        Workout workout = workouts.findForUpdate(id, userId)
                .orElseThrow(() -> StrideProblemException.notFound("Workout " + id));
        workouts.delete(workout);
        changes.publishEvent(new WorkoutChanged(workout.facts(), null));
        events.publish(Topics.WORKOUT_EVENTS, EventTypes.WORKOUT_DELETED, 1, userId.toString(),
                new WorkoutDeleted(id, userId));
    }
}
