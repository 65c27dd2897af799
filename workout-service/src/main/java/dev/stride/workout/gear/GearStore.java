package dev.stride.workout.gear;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.stride.workout.workouts.Sport;

/** Tables {@code gear} and {@code gear_default}. */
@Repository
class GearStore {

    private static final String COLUMNS = "id, user_id, type, name, brand, model, retirement_distance, retired_at, "
            + "distance, moving_time, workouts, retirement_notified_at, created_at, updated_at";

    private final JdbcTemplate jdbc;

    GearStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID userId, GearInput input, Instant now) {
        jdbc.update("insert into gear (id, user_id, type, name, brand, model, retirement_distance, created_at, "
                + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, userId, input.type().name(), input.name(),
                input.brand(), input.model(), input.retirementDistance(), Timestamp.from(now), Timestamp.from(now));
    }

    boolean update(UUID id, UUID userId, GearInput input, Instant now) {
        return jdbc.update("update gear set type = ?, name = ?, brand = ?, model = ?, retirement_distance = ?, "
                + "updated_at = ? where id = ? and user_id = ?", input.type().name(), input.name(), input.brand(),
                input.model(), input.retirementDistance(), Timestamp.from(now), id, userId) == 1;
    }

    boolean setRetired(UUID id, UUID userId, Instant retiredAt, Instant now) {
        return jdbc.update("update gear set retired_at = ?, updated_at = ? where id = ? and user_id = ?",
                retiredAt == null ? null : Timestamp.from(retiredAt), Timestamp.from(now), id, userId) == 1;
    }

    boolean delete(UUID id, UUID userId) {
        return jdbc.update("delete from gear where id = ? and user_id = ?", id, userId) == 1;
    }

    int count(UUID userId) {
        Integer count = jdbc.queryForObject("select count(*) from gear where user_id = ?", Integer.class, userId);
        return count == null ? 0 : count;
    }

    boolean owns(UUID userId, UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from gear where id = ? and user_id = ?)", Boolean.class, id, userId));
    }

    /** Makes the item the default for exactly {@code sports}, taking each over from a previous default. */
    void setDefaults(UUID userId, UUID id, List<Sport> sports) {
        jdbc.update("delete from gear_default where gear_id = ?", id);
        for (Sport sport : sports) {
            jdbc.update("insert into gear_default (user_id, sport, gear_id) values (?, ?, ?) "
                    + "on conflict (user_id, sport) do update set gear_id = excluded.gear_id", userId, sport.name(), id);
        }
    }

    Optional<UUID> defaultFor(UUID userId, Sport sport) {
        return jdbc.query("select d.gear_id from gear_default d join gear g on g.id = d.gear_id "
                + "where d.user_id = ? and d.sport = ? and g.retired_at is null",
                (rs, n) -> rs.getObject(1, UUID.class), userId, sport.name()).stream().findFirst();
    }

    Optional<GearView> find(UUID userId, UUID id) {
        return list("where user_id = ? and id = ?", userId, id).stream().findFirst();
    }

    List<GearView> all(UUID userId) {
        return list("where user_id = ? order by created_at desc, id desc", userId);
    }

    void eraseUser(UUID userId) {
        jdbc.update("delete from gear where user_id = ?", userId);
    }

    private List<GearView> list(String where, Object... args) {
        List<Row> rows = jdbc.query("select " + COLUMNS + " from gear " + where, (rs, n) -> row(rs), args);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> defaults = new HashMap<>();
        jdbc.query("select gear_id, sport from gear_default where user_id = ? order by sport", rs -> {
            defaults.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(Sport.valueOf(rs.getString(2)).wireName());
        }, rows.get(0).userId());
        return rows.stream().map(r -> r.view(defaults.getOrDefault(r.view().id(), List.of()))).toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        Double retirement = rs.getObject("retirement_distance") == null ? null : rs.getDouble("retirement_distance");
        Instant retiredAt = instant(rs, "retired_at");
        GearView view = new GearView(rs.getObject("id", UUID.class), GearType.valueOf(rs.getString("type")),
                rs.getString("name"), rs.getString("brand"), rs.getString("model"), List.of(), retirement,
                retiredAt != null, retiredAt, rs.getBigDecimal("distance"), rs.getBigDecimal("moving_time"),
                rs.getLong("workouts"), instant(rs, "retirement_notified_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
        return new Row(rs.getObject("user_id", UUID.class), view);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private record Row(UUID userId, GearView view) {

        GearView view(List<String> defaultFor) {
            return new GearView(view.id(), view.type(), view.name(), view.brand(), view.model(), defaultFor,
                    view.retirementDistance(), view.retired(), view.retiredAt(), view.distance(), view.movingTime(),
                    view.workouts(), view.retirementNotifiedAt(), view.createdAt(), view.updatedAt());
        }
    }
}
