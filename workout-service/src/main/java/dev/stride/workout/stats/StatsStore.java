package dev.stride.workout.stats;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.stride.workout.workouts.Sport;
import dev.stride.workout.workouts.WorkoutChanged.Facts;

/** The {@code stats_day} table: hourly buckets per user, sport and UTC day. */
@Repository
class StatsStore {

    static final int HOURS = 24;

    private final JdbcTemplate jdbc;

    StatsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds ({@code sign} 1) or subtracts ({@code sign} -1) one workout; a day left without workouts is removed. */
    void apply(Facts workout, int sign) {
        LocalDateTime utc = LocalDateTime.ofInstant(workout.startTime(), ZoneOffset.UTC);
        LocalDate day = utc.toLocalDate();
        int hour = utc.getHour();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into stats_day as s (user_id, sport, day, workouts, distance, moving_time, elapsed_time,
                                                elevation_gain)
                    values (?, ?, ?, ?, ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[])
                    on conflict (user_id, sport, day) do update set
                        workouts = stats_add(s.workouts, excluded.workouts),
                        distance = stats_add(s.distance, excluded.distance),
                        moving_time = stats_add(s.moving_time, excluded.moving_time),
                        elapsed_time = stats_add(s.elapsed_time, excluded.elapsed_time),
                        elevation_gain = stats_add(s.elevation_gain, excluded.elevation_gain)""");
            ps.setObject(1, workout.userId());
            ps.setString(2, workout.sport().name());
            ps.setObject(3, day);
            Integer[] counts = new Integer[HOURS];
            java.util.Arrays.fill(counts, 0);
            counts[hour] = sign;
            ps.setArray(4, con.createArrayOf("integer", counts));
            ps.setArray(5, hourly(con, hour, sign, workout.distance()));
            ps.setArray(6, hourly(con, hour, sign, workout.movingTime()));
            ps.setArray(7, hourly(con, hour, sign, workout.elapsedTime()));
            ps.setArray(8, hourly(con, hour, sign, workout.elevationGain()));
            return ps;
        });
        if (sign < 0) {
            jdbc.update("delete from stats_day where user_id = ? and sport = ? and day = ? and 0 = all(workouts)",
                    workout.userId(), workout.sport().name(), day);
        }
    }

    /**
     * Doubles travel as float8 and become numeric through PostgreSQL's own cast, exactly as a
     * recount {@code sum(distance::numeric)} converts them.
     */
    private static Array hourly(Connection con, int hour, int sign, Double value) throws SQLException {
        Double[] values = new Double[HOURS];
        java.util.Arrays.fill(values, 0.0);
        values[hour] = value == null ? 0.0 : sign * value;
        return con.createArrayOf("float8", values);
    }

    void erase(UUID userId) {
        jdbc.update("delete from stats_day where user_id = ?", userId);
    }

    /** Every day of the user with at least one workout, optionally of one sport, oldest first. */
    List<Day> days(UUID userId, Sport sport) {
        String sql = "select sport, day, workouts, distance, moving_time, elapsed_time, elevation_gain "
                + "from stats_day where user_id = ?" + (sport == null ? "" : " and sport = ?") + " order by day";
        Object[] args = sport == null ? new Object[] { userId } : new Object[] { userId, sport.name() };
        return jdbc.query(sql, (rs, n) -> day(rs), args);
    }

    private static Day day(ResultSet rs) throws SQLException {
        Integer[] counts = (Integer[]) rs.getArray("workouts").getArray();
        BigDecimal[] distance = numbers(rs, "distance");
        BigDecimal[] moving = numbers(rs, "moving_time");
        BigDecimal[] elapsed = numbers(rs, "elapsed_time");
        BigDecimal[] gain = numbers(rs, "elevation_gain");
        List<Hour> hours = new ArrayList<>();
        for (int h = 0; h < counts.length; h++) {
            if (counts[h] != 0) {
                hours.add(new Hour(h, new Totals(counts[h], distance[h], moving[h], elapsed[h], gain[h])));
            }
        }
        return new Day(Sport.valueOf(rs.getString("sport")), rs.getObject("day", LocalDate.class), hours);
    }

    private static BigDecimal[] numbers(ResultSet rs, String column) throws SQLException {
        return (BigDecimal[]) rs.getArray(column).getArray();
    }

    /** One UTC day of one sport: its non-empty hourly buckets. */
    record Day(Sport sport, LocalDate utcDate, List<Hour> hours) {
    }

    /** Workouts that started in hour {@code hour} (0-23, UTC) of a day. */
    record Hour(int hour, Totals totals) {
    }
}
