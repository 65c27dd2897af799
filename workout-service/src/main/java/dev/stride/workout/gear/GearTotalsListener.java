package dev.stride.workout.gear;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.NotificationTemplates;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.GearThresholdReached;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.kit.events.EventPublisher;
import dev.stride.workout.stats.Contributions;
import dev.stride.workout.workouts.UserWorkoutsErased;
import dev.stride.workout.workouts.WorkoutChanged;
import dev.stride.workout.workouts.WorkoutChanged.Facts;

/**
 * Keeps gear totals exact inside the transaction of every workout change and, the first time a
 * workout brings an active item's distance to its retirement distance or beyond, asks
 * notification-service to tell the owner and publishes {@code gear-threshold-reached} (both through
 * the outbox, so they exist exactly when the workout does). Once per item: the item row remembers it.
 */
@Component
class GearTotalsListener {

    static final String TEMPLATE = NotificationTemplates.GEAR_RETIREMENT;
    static final String CATEGORY = "product";

    private final JdbcTemplate jdbc;
    private final GearStore store;
    private final EventPublisher events;

    GearTotalsListener(JdbcTemplate jdbc, GearStore store, EventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(WorkoutChanged change) {
        boolean gains = gainsDistance(change);
        Contributions.of(change, (facts, sign) -> String.valueOf(facts.gearId())).stream()
                .filter(c -> c.facts().gearId() != null).forEach(c -> apply(c.facts(), c.sign(), gains));
    }

    /**
     * Whether the item of {@code after} ends up with more distance than before: always for a new
     * workout or one moved to another item; for an edit on the same item only when its distance
     * grew (a title or sport edit subtracts and re-adds the same distance and must not notify).
     */
    private static boolean gainsDistance(WorkoutChanged change) {
        Facts before = change.before();
        Facts after = change.after();
        if (before == null || after == null || !java.util.Objects.equals(before.gearId(), after.gearId())) {
            return true;
        }
        return distance(after) > distance(before);
    }

    private static double distance(Facts workout) {
        return workout.distance() == null ? 0.0 : workout.distance();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(UserWorkoutsErased erased) {
        store.eraseUser(erased.userId());
    }

    private void apply(Facts workout, int sign, boolean mayNotify) {
        double distance = workout.distance() == null ? 0.0 : sign * workout.distance();
        double movingTime = workout.movingTime() == null ? 0.0 : sign * workout.movingTime();
        // the update locks the row: concurrent workouts on one item are serialized and see each other's totals
        var updated = jdbc.queryForList("""
                update gear set distance = distance + cast(? as float8)::numeric,
                                moving_time = moving_time + cast(? as float8)::numeric,
                                workouts = workouts + ?
                where id = ? and user_id = ?
                returning id, type, name, brand, model, distance, retirement_distance, retired_at, retirement_notified_at""",
                distance, movingTime, sign, workout.gearId(), workout.userId());
        if (updated.isEmpty() || distance <= 0 || !mayNotify) {
            return; // the item was deleted meanwhile, or the change did not add distance to it
        }
        Map<String, Object> gear = updated.get(0);
        Object threshold = gear.get("retirement_distance");
        BigDecimal total = (BigDecimal) gear.get("distance");
        if (threshold == null || gear.get("retired_at") != null || gear.get("retirement_notified_at") != null
                || total.doubleValue() < ((Number) threshold).doubleValue()) {
            return;
        }
        jdbc.update("update gear set retirement_notified_at = now() where id = ?", workout.gearId());
        publish(workout, gear, total.doubleValue(), ((Number) threshold).doubleValue());
    }

    private void publish(Facts workout, Map<String, Object> gear, double total, double threshold) {
        UUID gearId = workout.gearId();
        String subject = workout.userId().toString();
        events.publish(Topics.NOTIFICATION_REQUESTS, EventTypes.NOTIFICATION_REQUESTED, 1, subject,
                new NotificationRequested(workout.userId(), CATEGORY, TEMPLATE,
                        Map.of(NotificationTemplates.GEAR_NAME, (String) gear.get("name"),
                                NotificationTemplates.DISTANCE_KM, String.valueOf(Math.round(total / 1000)),
                                "gearId", gearId.toString()),
                        TEMPLATE + ":" + gearId, null));
        events.publish(Topics.WORKOUT_EVENTS, EventTypes.GEAR_THRESHOLD_REACHED, 1, subject,
                new GearThresholdReached(gearId, workout.userId(),
                        GearType.valueOf((String) gear.get("type")).wireName(), (String) gear.get("brand"),
                        (String) gear.get("model"), total, threshold, workout.workoutId()));
    }
}
