package dev.stride.notification.message;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The in-app inbox: one row per delivered message, newest first. */
@Repository
public class InboxStore {

    public record Item(UUID id, String category, String templateId, String title, String body, Instant createdAt,
            Instant readAt) {
    }

    private final JdbcClient jdbc;

    InboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(UUID messageId, UUID userId, String category, String templateId, String title, String body,
            Instant now) {
        jdbc.sql("""
                insert into inbox_item (id, user_id, message_id, category, template_id, title, body, created_at)
                values (:id, :user, :id, :category, :template, :title, :body, :now) on conflict (message_id) do nothing""")
                .param("id", messageId).param("user", userId).param("category", category).param("template", templateId)
                .param("title", title).param("body", body).param("now", Timestamp.from(now)).update();
    }

    /** Items older than the cursor position (created_at, id), newest first. */
    public List<Item> page(UUID userId, Instant beforeAt, UUID beforeId, int limit) {
        String sql = """
                select id, category, template_id, title, body, created_at, read_at from inbox_item where user_id = :user
                """ + (beforeAt == null ? "" : " and (created_at, id) < (:at, :id)") + """
                 order by created_at desc, id desc limit :limit""";
        var statement = jdbc.sql(sql).param("user", userId).param("limit", limit);
        if (beforeAt != null) {
            statement = statement.param("at", Timestamp.from(beforeAt)).param("id", beforeId);
        }
        return statement.query((rs, n) -> {
            Timestamp read = rs.getTimestamp(7);
            return new Item(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getTimestamp(6).toInstant(), read == null ? null : read.toInstant());
        }).list();
    }

    public int unreadCount(UUID userId) {
        return jdbc.sql("select count(*) from inbox_item where user_id = :user and read_at is null")
                .param("user", userId).query(Integer.class).single();
    }

    /** @return false when the item does not exist or belongs to someone else */
    public boolean markRead(UUID userId, UUID id, Instant now) {
        boolean exists = jdbc.sql("select count(*) from inbox_item where user_id = :user and id = :id")
                .param("user", userId).param("id", id).query(Integer.class).single() > 0;
        jdbc.sql("update inbox_item set read_at = :now where user_id = :user and id = :id and read_at is null")
                .param("now", Timestamp.from(now)).param("user", userId).param("id", id).update();
        return exists;
    }

    public int markAllRead(UUID userId, Instant now) {
        return jdbc.sql("update inbox_item set read_at = :now where user_id = :user and read_at is null")
                .param("now", Timestamp.from(now)).param("user", userId).update();
    }

    public int eraseUser(UUID userId) {
        return jdbc.sql("delete from inbox_item where user_id = :id").param("id", userId).update();
    }
}
