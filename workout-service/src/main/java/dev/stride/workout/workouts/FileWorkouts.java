package dev.stride.workout.workouts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.kit.events.EventPublisher;
import dev.stride.kit.ids.TimeOrderedIds;

/**
 * What other packages of this service may do with workouts: record one made from a file (with
 * the same {@link WorkoutChanged} and {@code workout-recorded} event as a manual one), find an
 * overlapping one, and learn who owns a workout and who may see it.
 */
@Service
public class FileWorkouts {

    static final Duration LONGEST_OVERLAP_CHECKED = Duration.ofDays(8);

    private final WorkoutRepository workouts;
    private final EventPublisher events;
    private final ApplicationEventPublisher changes;
    private final ObjectProvider<GearChoice> gear;
    private final FollowGraph follows;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    FileWorkouts(WorkoutRepository workouts, EventPublisher events, ApplicationEventPublisher changes,
            ObjectProvider<GearChoice> gear, FollowGraph follows, JdbcClient jdbc, JsonMapper json) {
        this.workouts = workouts;
        this.events = events;
        this.changes = changes;
        this.gear = gear;
        this.follows = follows;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Who owns a workout, who may see it, when it started. */
    public record Access(UUID workoutId, UUID ownerId, Visibility visibility, Instant startTime) {
    }

    /** Must run in the caller's transaction (the upload processor's). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(FileWorkout input) {
        GearChoice choice = gear.getIfAvailable();
        UUID gearId = choice == null ? null : choice.gearFor(input.userId(), input.sport(), null);
        Workout workout = workouts.save(Workout.fromFile(TimeOrderedIds.next(), input, toJson(input.splitsKm()),
                toJson(input.splitsMile()), toJson(input.laps()), toJson(input.bestEfforts()),
                toJson(input.heartRateZones()), gearId,
                clock.instant()));
        changes.publishEvent(new WorkoutChanged(null, workout.facts()));
        events.publish(Topics.WORKOUT_EVENTS, EventTypes.WORKOUT_RECORDED, 1, input.userId().toString(),
                workout.summary());
        return workout.id();
    }

    /**
     * A workout of the same user and sport whose span contains {@code start}, or that starts
     * within [start, start + elapsed]: the same activity recorded twice. Only workouts that started
     * at most {@link #LONGEST_OVERLAP_CHECKED} before {@code start} are looked at, so the check reads
     * the athlete's last days through the (user, start) index instead of their whole history on
     * every upload (manual workouts last at most 7 days; a file spanning more is not a real activity).
     */
    @Transactional(readOnly = true)
    public Optional<UUID> overlapping(UUID userId, Sport sport, Instant start, double elapsedSeconds) {
        return jdbc.sql("""
                select id from workout
                 where user_id = :user and sport = :sport
                   and ((start_time <= cast(:start as timestamptz)
                         and start_time >= cast(:start as timestamptz) - cast(:longest as interval)
                         and start_time + make_interval(secs => coalesce(elapsed_time, 0))
                             >= cast(:start as timestamptz))
                     or (start_time >= cast(:start as timestamptz)
                         and start_time <= cast(:start as timestamptz)
                             + make_interval(secs => cast(:elapsed as double precision))))
                 order by start_time limit 1""")
                .param("user", userId).param("sport", sport.name())
                .param("start", java.sql.Timestamp.from(start)).param("elapsed", Math.max(0, elapsedSeconds))
                .param("longest", LONGEST_OVERLAP_CHECKED.toSeconds() + " seconds")
                .query(UUID.class).optional();
    }

    /**
     * The workout if {@code viewer} may see it ({@link Visibility#visibleTo}); empty for a missing
     * one and for one the viewer may not see, so that callers answer both with the same 404.
     */
    @Transactional(readOnly = true)
    public Optional<Access> visibleTo(UUID workoutId, UUID viewer) {
        return workouts.findById(workoutId)
                .filter(w -> w.visibility().visibleTo(viewer, w.userId(), follows))
                .map(w -> new Access(w.id(), w.userId(), w.visibility(), w.facts().startTime()));
    }

    @Transactional(readOnly = true)
    public boolean exists(UUID workoutId) {
        return workouts.existsById(workoutId);
    }

    private String toJson(List<?> list) {
        return list == null ? null : json.writeValueAsString(list);
    }
}
