package dev.stride.notification.digest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.stride.contracts.payload.WorkoutRecorded;
import dev.stride.notification.recipient.Category;

/** Workout summaries the weekly digest counts and the weeks it decided, in the notification schema. */
@Repository
public class DigestStore {

    /** An opted-in user; {@code lastWeek} is the latest ISO week decided for them, or null. */
    record Candidate(UUID userId, String locale, String timeZone, String lastWeek) {
    }

    /** One sport's totals within a week; absent measurements count as zero. */
    record SportTotals(String sport, int workouts, double distanceMeters, double movingSeconds, double elevationMeters) {
    }

    private static final UUID BEFORE_ALL = new UUID(0, 0);

    private final JdbcClient jdbc;

    DigestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the workout's current summary (recorded or updated). An event older than what is held,
     * or for a workout already deleted, changes nothing.
     */
    void record(WorkoutRecorded workout, Instant occurredAt) {
        jdbc.sql("""
                insert into digest_workout (workout_id, user_id, sport, start_time, distance_m, moving_time_s,
                    elevation_gain_m, updated_at)
                values (:id, :user, :sport, :start, :distance, :moving, :elevation, :at)
                on conflict (workout_id) do update set sport = excluded.sport, start_time = excluded.start_time,
                    distance_m = excluded.distance_m, moving_time_s = excluded.moving_time_s,
                    elevation_gain_m = excluded.elevation_gain_m, updated_at = excluded.updated_at
                where not digest_workout.deleted and digest_workout.updated_at <= excluded.updated_at
                    and digest_workout.user_id = excluded.user_id""")
                .param("id", workout.workoutId()).param("user", workout.userId()).param("sport", workout.sport())
                .param("start", Timestamp.from(workout.startTime())).param("distance", workout.distance())
                .param("moving", workout.movingTime()).param("elevation", workout.elevationGain())
                .param("at", Timestamp.from(occurredAt))
                .update();
    }

    /** Leaves a tombstone, so a late older event for the workout cannot count it again. */
    void delete(UUID workoutId, UUID userId, Instant occurredAt) {
        jdbc.sql("""
                insert into digest_workout (workout_id, user_id, deleted, updated_at) values (:id, :user, true, :at)
                on conflict (workout_id) do update set deleted = true, sport = null, start_time = null, distance_m = null,
                    moving_time_s = null, elevation_gain_m = null,
                    updated_at = greatest(digest_workout.updated_at, excluded.updated_at)
                where digest_workout.user_id = excluded.user_id""")
                .param("id", workoutId).param("user", userId).param("at", Timestamp.from(occurredAt))
                .update();
    }

    /**
     * Users who turned the digest on (the category is off by default) and did not unsubscribe from
     * it, in user id order after {@code after} (null: from the start).
     */
    List<Candidate> optedIn(UUID after, int limit) {
        return jdbc.sql("""
                select r.user_id, r.locale, r.time_zone,
                    (select max(w.iso_week) from digest_week w where w.user_id = r.user_id)
                from recipient r
                join preference p on p.user_id = r.user_id and p.category = :category and p.enabled
                where r.user_id > :after
                    and not exists (select 1 from suppression s where s.user_id = r.user_id and s.category = :wire)
                order by r.user_id limit :limit""")
                .param("category", Category.DIGEST.name()).param("wire", Category.DIGEST.wireName())
                .param("after", after == null ? BEFORE_ALL : after).param("limit", limit)
                .query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    List<SportTotals> totals(UUID userId, Instant from, Instant to) {
        return jdbc.sql("""
                select sport, count(*), coalesce(sum(distance_m), 0), coalesce(sum(moving_time_s), 0),
                    coalesce(sum(elevation_gain_m), 0)
                from digest_workout
                where user_id = :user and not deleted and start_time >= :from and start_time < :to
                group by sport order by count(*) desc, sport""")
                .param("user", userId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new SportTotals(rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5)))
                .list();
    }

    /**
     * Claims the user's week. With several instances (or overlapping runs) exactly one insert wins;
     * the others wait on the primary key until the winner commits and then insert nothing.
     *
     * @param messageId the digest mail queued in the same transaction, null when the week had no workouts
     * @return true for the one caller that decided the week
     */
    boolean claim(UUID userId, String isoWeek, int workouts, UUID messageId, Instant now) {
        return jdbc.sql("""
                insert into digest_week (user_id, iso_week, workouts, message_id, claimed_at)
                values (:user, :week, :workouts, :message, :now)
                on conflict (user_id, iso_week) do nothing""")
                .param("user", userId).param("week", isoWeek).param("workouts", workouts).param("message", messageId)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Drops summaries and decided weeks older than {@code before}; @return rows removed */
    int prune(Instant before) {
        Timestamp limit = Timestamp.from(before);
        int workouts = jdbc.sql("""
                delete from digest_workout where updated_at < :before and (start_time is null or start_time < :before)""")
                .param("before", limit).update();
        return workouts + jdbc.sql("delete from digest_week where claimed_at < :before").param("before", limit).update();
    }

    /** {@code user-deleted}: everything the digest holds of the user. */
    public void eraseUser(UUID userId) {
        jdbc.sql("delete from digest_workout where user_id = :id").param("id", userId).update();
        jdbc.sql("delete from digest_week where user_id = :id").param("id", userId).update();
    }
}
