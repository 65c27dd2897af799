package dev.stride.workout.records;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.NotificationTemplates;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.contracts.payload.PersonalRecordAchieved;
import dev.stride.kit.events.EventPublisher;
import dev.stride.workout.analysis.WorkoutAnalysis;
import dev.stride.workout.workouts.Sport;
import dev.stride.workout.workouts.WorkoutChanged;

/**
 * Personal records per user, sport and best-effort distance. Every file workout's best efforts
 * are kept ({@code best_effort}); the current record ({@code personal_record}) is always the
 * fastest of them, so deleting a workout restores the previous record exactly, and the history is
 * the progression of efforts that were faster than every earlier one (by when they happened).
 * All updates run in the transaction of the workout change.
 */
@Service
public class PersonalRecords {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final EventPublisher events;
    private final Clock clock = Clock.systemUTC();

    PersonalRecords(JdbcClient jdbc, JdbcTemplate batch, EventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
    }

    record Current(UUID workoutId, double elapsedTime, Instant achievedAt) {
    }

    /**
     * Stores the best efforts of a new workout; each faster than the current record becomes the
     * record and publishes {@code personal-record-achieved}. A notification request is sent when an
     * earlier record was beaten (the first effort at a distance sets a baseline without a message,
     * so a first upload does not send one message per distance).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordEfforts(UUID userId, UUID workoutId, Sport sport, Instant workoutStart,
            List<WorkoutAnalysis.BestEffort> efforts) {
        if (efforts.isEmpty()) {
            return;
        }
        // one round trip for the efforts and one for the records they may beat, not one each per distance
        List<Object[]> rows = new ArrayList<>(efforts.size());
        for (WorkoutAnalysis.BestEffort effort : efforts) {
            rows.add(new Object[] { workoutId, effort.name(), userId, sport.name(), effort.distance(),
                effort.elapsedTime(), Timestamp.from(achievedAt(workoutStart, effort)) });
        }
        batch.batchUpdate("""
                insert into best_effort (workout_id, effort, user_id, sport, distance, elapsed_time, achieved_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", rows);
        Map<String, Current> records = currentForUpdate(userId, sport,
                efforts.stream().map(WorkoutAnalysis.BestEffort::name).toList());
        for (WorkoutAnalysis.BestEffort effort : efforts) {
            Instant achievedAt = achievedAt(workoutStart, effort);
            Optional<Current> current = Optional.ofNullable(records.get(effort.name()));
            if (current.isPresent() && current.get().elapsedTime() <= effort.elapsedTime()) {
                continue;
            }
            upsert(userId, sport, effort.name(), effort.distance(), effort.elapsedTime(), workoutId, achievedAt);
            Double previous = current.map(Current::elapsedTime).orElse(null);
            events.publish(Topics.WORKOUT_EVENTS, EventTypes.PERSONAL_RECORD_ACHIEVED, 1, userId.toString(),
                    new PersonalRecordAchieved(userId, workoutId, sport.wireName(), effort.name(), effort.distance(),
                            effort.elapsedTime(), previous, achievedAt));
            if (previous != null) {
                events.publish(Topics.NOTIFICATION_REQUESTS, EventTypes.NOTIFICATION_REQUESTED, 1, userId.toString(),
                        new NotificationRequested(userId, "product", NotificationTemplates.PERSONAL_RECORD,
                                Map.of(NotificationTemplates.EFFORT, effort.name(),
                                        NotificationTemplates.TIME, duration(effort.elapsedTime()),
                                        "sport", sport.wireName(), "workoutId", workoutId.toString()),
                                "personal-record:" + workoutId + ":" + effort.name(), null));
            }
        }
    }

    /** Deleting a workout forgets its efforts and recomputes each record it held from the remaining ones. */
    @EventListener
    public void on(WorkoutChanged change) {
        if (change.before() == null) {
            return;
        }
        UUID workoutId = change.before().workoutId();
        List<String[]> affected = jdbc.sql("select sport, effort from best_effort where workout_id = :workout")
                .param("workout", workoutId)
                .query((rs, row) -> new String[] {rs.getString("sport"), rs.getString("effort")}).list();
        if (affected.isEmpty()) {
            return;
        }
        if (change.after() == null) {
            jdbc.sql("delete from best_effort where workout_id = :workout").param("workout", workoutId).update();
        } else if (change.after().sport() != change.before().sport()) {
            jdbc.sql("update best_effort set sport = :sport where workout_id = :workout")
                    .param("sport", change.after().sport().name()).param("workout", workoutId).update();
            for (String[] a : affected) {
                recompute(change.before().userId(), change.after().sport().name(), a[1]);
            }
        } else {
            return;
        }
        for (String[] a : affected) {
            recompute(change.before().userId(), a[0], a[1]);
        }
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> of(UUID userId) {
        List<Map<String, Object>> records = new ArrayList<>();
        jdbc.sql("""
                select sport, effort, distance, elapsed_time, workout_id, achieved_at from personal_record
                 where user_id = :user order by sport, distance""").param("user", userId).query(rs -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("sport", Sport.valueOf(rs.getString("sport")).wireName());
                    r.put("effort", rs.getString("effort"));
                    r.put("distance", rs.getDouble("distance"));
                    r.put("elapsedTime", rs.getDouble("elapsed_time"));
                    r.put("workoutId", rs.getObject("workout_id", UUID.class));
                    r.put("achievedAt", rs.getTimestamp("achieved_at").toInstant());
                    records.add(r);
                });
        for (Map<String, Object> r : records) {
            r.put("history", history(userId, Sport.fromWire((String) r.get("sport")).name(), (String) r.get("effort")));
        }
        return records;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteAllOfUser(UUID userId) {
        jdbc.sql("delete from best_effort where user_id = :user").param("user", userId).update();
        jdbc.sql("delete from personal_record where user_id = :user").param("user", userId).update();
    }

    /** Efforts faster than every earlier one, oldest first; the last is the current record. */
    private List<Map<String, Object>> history(UUID userId, String sport, String effort) {
        List<Map<String, Object>> progression = new ArrayList<>();
        double[] best = {Double.MAX_VALUE};
        jdbc.sql("""
                select elapsed_time, workout_id, achieved_at from best_effort
                 where user_id = :user and sport = :sport and effort = :effort order by achieved_at, elapsed_time""")
                .param("user", userId).param("sport", sport).param("effort", effort).query(rs -> {
                    double elapsed = rs.getDouble("elapsed_time");
                    if (elapsed < best[0]) {
                        best[0] = elapsed;
                        Map<String, Object> h = new LinkedHashMap<>();
                        h.put("elapsedTime", elapsed);
                        h.put("workoutId", rs.getObject("workout_id", UUID.class));
                        h.put("achievedAt", rs.getTimestamp("achieved_at").toInstant());
                        progression.add(h);
                    }
                });
        return progression;
    }

    private void recompute(UUID userId, String sport, String effort) {
        record Best(double distance, double elapsed, UUID workout, Instant at) {
        }
        Optional<Best> best = jdbc.sql("""
                select distance, elapsed_time, workout_id, achieved_at from best_effort
                 where user_id = :user and sport = :sport and effort = :effort
                 order by elapsed_time, achieved_at limit 1""")
                .param("user", userId).param("sport", sport).param("effort", effort)
                .query((rs, row) -> new Best(rs.getDouble("distance"), rs.getDouble("elapsed_time"),
                        rs.getObject("workout_id", UUID.class), rs.getTimestamp("achieved_at").toInstant()))
                .optional();
        if (best.isEmpty()) {
            jdbc.sql("delete from personal_record where user_id = :user and sport = :sport and effort = :effort")
                    .param("user", userId).param("sport", sport).param("effort", effort).update();
        } else {
            Best b = best.get();
            upsert(userId, Sport.valueOf(sport), effort, b.distance(), b.elapsed(), b.workout(), b.at());
        }
    }

    private static Instant achievedAt(Instant workoutStart, WorkoutAnalysis.BestEffort effort) {
        return workoutStart.plusMillis(Math.round(effort.startOffset() * 1000));
    }

    /** The current records of these efforts, locked until the transaction ends. */
    private Map<String, Current> currentForUpdate(UUID userId, Sport sport, List<String> efforts) {
        Map<String, Current> records = new LinkedHashMap<>();
        jdbc.sql("""
                select effort, workout_id, elapsed_time, achieved_at from personal_record
                 where user_id = :user and sport = :sport and effort in (:efforts) for update""")
                .param("user", userId).param("sport", sport.name()).param("efforts", efforts)
                .query(rs -> {
                    records.put(rs.getString("effort"), new Current(rs.getObject("workout_id", UUID.class),
                            rs.getDouble("elapsed_time"), rs.getTimestamp("achieved_at").toInstant()));
                });
        return records;
    }

    private void upsert(UUID userId, Sport sport, String effort, double distance, double elapsed, UUID workoutId,
            Instant achievedAt) {
        jdbc.sql("""
                insert into personal_record (user_id, sport, effort, distance, elapsed_time, workout_id, achieved_at,
                    updated_at)
                values (:user, :sport, :effort, :distance, :elapsed, :workout, :at, :now)
                on conflict (user_id, sport, effort) do update set distance = excluded.distance,
                    elapsed_time = excluded.elapsed_time, workout_id = excluded.workout_id,
                    achieved_at = excluded.achieved_at, updated_at = excluded.updated_at""")
                .param("user", userId).param("sport", sport.name()).param("effort", effort)
                .param("distance", distance).param("elapsed", elapsed).param("workout", workoutId)
                .param("at", Timestamp.from(achievedAt)).param("now", Timestamp.from(clock.instant())).update();
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
