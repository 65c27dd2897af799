package dev.stride.workout.comparison;

import java.time.LocalDate;
import java.time.ZoneOffset;

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

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(WorkoutChanged change) {
        for (PeriodKind kind : PeriodKind.values()) {
            Contributions.of(change, (facts, sign) -> facts.sport().name() + "|" + start(kind, facts))
                    .forEach(c -> apply(kind, c.facts(), c.sign()));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(UserWorkoutsErased erased) {
        jdbc.update("delete from period_total where user_id = ?", erased.userId());
        jdbc.update("delete from athlete_attributes where user_id = ?", erased.userId());
    }

    private void apply(PeriodKind kind, Facts workout, int sign) {
        LocalDate start = start(kind, workout);
        jdbc.update("""
                insert into period_total as p (sport, period, period_start, user_id, workouts, distance, moving_time)
                values (?, ?, ?, ?, ?, cast(? as float8)::numeric, cast(? as float8)::numeric)
                on conflict (sport, period, period_start, user_id) do update set
                    workouts = p.workouts + excluded.workouts,
                    distance = p.distance + excluded.distance,
                    moving_time = p.moving_time + excluded.moving_time""", workout.sport().name(), kind.code(),
                start, workout.userId(), sign, signed(sign, workout.distance()), signed(sign, workout.movingTime()));
        if (sign < 0) {
            jdbc.update("delete from period_total where sport = ? and period = ? and period_start = ? and user_id = ? "
                    + "and workouts = 0", workout.sport().name(), kind.code(), start, workout.userId());
        }
    }

    private static LocalDate start(PeriodKind kind, Facts workout) {
        return kind.start(LocalDate.ofInstant(workout.startTime(), ZoneOffset.UTC));
    }

    private static double signed(int sign, Double value) {
        return value == null ? 0.0 : sign * value;
    }
}
