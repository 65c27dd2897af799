package dev.stride.notification.message;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Categories users left through one-click unsubscribe links. */
@Repository
public class SuppressionStore {

    public record Suppression(UUID userId, String category, String reason, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    SuppressionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void suppress(UUID userId, String category, String reason, Instant now) {
        jdbc.sql("""
                insert into suppression (user_id, category, reason, created_at) values (:user, :category, :reason, :now)
                on conflict (user_id, category) do nothing""")
                .param("user", userId).param("category", category).param("reason", reason)
                .param("now", Timestamp.from(now)).update();
    }

    public boolean isSuppressed(UUID userId, String category) {
        return jdbc.sql("select count(*) from suppression where user_id = :user and category = :category")
                .param("user", userId).param("category", category).query(Integer.class).single() > 0;
    }

    /** The user turned the category back on in their preferences. */
    public void lift(UUID userId, String category) {
        jdbc.sql("delete from suppression where user_id = :user and category = :category")
                .param("user", userId).param("category", category).update();
    }

    public List<Suppression> page(int limit, int offset) {
        return jdbc.sql("""
                select user_id, category, reason, created_at from suppression
                order by created_at desc, user_id, category limit :limit offset :offset""")
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Suppression(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    public int eraseUser(UUID userId) {
        return jdbc.sql("delete from suppression where user_id = :id").param("id", userId).update();
    }
}
