package dev.stride.workout.comparison;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.workout.stats.Contributions;
import dev.stride.workout.workouts.UserWorkoutsErased;
import dev.stride.workout.workouts.WorkoutChanged;
import dev.stride.workout.workouts.WorkoutChanged.Facts;

/**
 * Keeps {@code period_total} (one row per sport, UTC week/month/year and user) exact inside the
 * transaction of every workout change; comparisons read it instead of the workouts.
 */
@Component
class PeriodTotalsListener {

    private final JdbcTemplate jdbc;

    PeriodTotalsListener(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** All rows in one round trip, in (kind, sport, period) order so that two changes never lock in opposite orders. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(WorkoutChanged change) {
        List<Object[]> upserts = new ArrayList<>();
        List<Object[]> emptied = new ArrayList<>();
        for (PeriodKind kind : PeriodKind.values()) {
            Contributions.of(change, (facts, sign) -> facts.sport().name() + "|" + start(kind, facts)).forEach(c -> {
                Facts workout = c.facts();
                Object[] key = { workout.sport().name(), kind.code(), start(kind, workout), workout.userId() };
                upserts.add(new Object[] { key[0], key[1], key[2], key[3], c.sign(),
                    signed(c.sign(), workout.distance()), signed(c.sign(), workout.movingTime()) });
                if (c.sign() < 0) {
                    emptied.add(key);
                }
            });
        }
        jdbc.batchUpdate("""
                insert into period_total as p (sport, period, period_start, user_id, workouts, distance, moving_time)
                values (?, ?, ?, ?, ?, cast(? as float8)::numeric, cast(? as float8)::numeric)
                on conflict (sport, period, period_start, user_id) do update set
                    workouts = p.workouts + excluded.workouts,
                    distance = p.distance + excluded.distance,
                    moving_time = p.moving_time + excluded.moving_time""", upserts);
        if (!emptied.isEmpty()) {
            jdbc.batchUpdate("delete from period_total where sport = ? and period = ? and period_start = ? "
                    + "and user_id = ? and workouts = 0", emptied);
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(UserWorkoutsErased erased) {
        jdbc.update("delete from period_total where user_id = ?", erased.userId());
        jdbc.update("delete from athlete_attributes where user_id = ?", erased.userId());
    }

    private static LocalDate start(PeriodKind kind, Facts workout) {
        return kind.start(LocalDate.ofInstant(workout.startTime(), ZoneOffset.UTC));
    }

    private static double signed(int sign, Double value) {
        return value == null ? 0.0 : sign * value;
    }
}
