package dev.stride.workout.settings;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.workout.analysis.AnalysisSettings;
import dev.stride.workout.workouts.UserWorkoutsErased;

/** Stores an athlete's heart-rate settings and turns them into the settings an upload is analysed with. */
@Service
public class AthleteSettings {

    private final JdbcTemplate jdbc;

    AthleteSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The analysis settings for an upload of {@code userId} (defaults when nothing is set). */
    @Transactional(readOnly = true)
    public AnalysisSettings analysisFor(UUID userId) {
        return of(userId).analysis();
    }

    @Transactional(readOnly = true)
    HeartRateSettings of(UUID userId) {
        List<HeartRateSettings> found = jdbc.query("""
                select max_heart_rate, resting_heart_rate, heart_rate_zones from athlete_settings where user_id = ?""",
                (rs, i) -> new HeartRateSettings(rs.getObject(1, Integer.class), rs.getObject(2, Integer.class),
                        zones(rs.getArray(3))), userId);
        return found.isEmpty() ? HeartRateSettings.none() : found.get(0);
    }

    @Transactional
    HeartRateSettings replace(UUID userId, HeartRateSettings settings) {
        settings.check();
        Integer[] zones = settings.heartRateZones() == null ? null : settings.heartRateZones().toArray(Integer[]::new);
        jdbc.update("""
                insert into athlete_settings (user_id, max_heart_rate, resting_heart_rate, heart_rate_zones, updated_at)
                values (?, ?, ?, ?, now())
                on conflict (user_id) do update set max_heart_rate = excluded.max_heart_rate,
                    resting_heart_rate = excluded.resting_heart_rate, heart_rate_zones = excluded.heart_rate_zones,
                    updated_at = excluded.updated_at""", ps -> {
                    ps.setObject(1, userId);
                    ps.setObject(2, settings.maxHeartRate());
                    ps.setObject(3, settings.restingHeartRate());
                    ps.setArray(4, zones == null ? null : ps.getConnection().createArrayOf("integer", zones));
                });
        return of(userId);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(UserWorkoutsErased erased) {
        jdbc.update("delete from athlete_settings where user_id = ?", erased.userId());
    }

    private static List<Integer> zones(Array array) throws java.sql.SQLException {
        return array == null ? null : Arrays.asList((Integer[]) array.getArray());
    }
}
