package dev.stride.notification.recipient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.stride.kit.crypto.FieldCipher;

/** Recipients and their preferences in the notification schema; addresses encrypted at rest. */
@Repository
public class RecipientStore {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    RecipientStore(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Inserts or refreshes the projection; a replayed older event never overwrites newer data. */
    void upsert(UUID userId, String email, String displayName, String locale, String timeZone, Instant occurredAt) {
        jdbc.sql("""
                insert into recipient (user_id, email_ciphertext, display_name, locale, time_zone, created_at, updated_at)
                values (:id, :email, :name, :locale, :zone, :at, :at)
                on conflict (user_id) do update set email_ciphertext = excluded.email_ciphertext,
                    display_name = excluded.display_name, locale = excluded.locale, time_zone = excluded.time_zone,
                    updated_at = excluded.updated_at
                where recipient.updated_at < excluded.updated_at""")
                .param("id", userId)
                .param("email", cipher.encrypt(email, context(userId)))
                .param("name", displayName)
                .param("locale", locale)
                .param("zone", timeZone)
                .param("at", Timestamp.from(occurredAt))
                .update();
    }

    /**
     * Replaces the address with the newly verified one (an {@code email-changed} event); the new
     * address counts as verified, since the gateway changes it only after its link was used.
     *
     * @return false when the user is not (or no longer) in the projection, or the event is older than
     *         what the projection holds
     */
    boolean changeEmail(UUID userId, String email, Instant occurredAt) {
        return jdbc.sql("""
                update recipient set email_ciphertext = :email, email_verified = true, updated_at = :at
                where user_id = :id and updated_at <= :at""")
                .param("id", userId)
                .param("email", cipher.encrypt(email, context(userId)))
                .param("at", Timestamp.from(occurredAt))
                .update() == 1;
    }

    /**
     * Takes the language and time zone of an {@code account-settings-changed} event; quiet hours and
     * the digest week read the zone from this row, so they follow from the next check on.
     *
     * @return false when the user is not (or no longer) in the projection, or the change is older
     *         than what the projection holds
     */
    boolean changeSettings(UUID userId, String locale, String timeZone, Instant changedAt) {
        return jdbc.sql("""
                update recipient set locale = :locale, time_zone = :zone, updated_at = :at
                where user_id = :id and updated_at <= :at""")
                .param("id", userId)
                .param("locale", locale)
                .param("zone", timeZone)
                .param("at", Timestamp.from(changedAt))
                .update() == 1;
    }

    /** @return false when the user is not (or no longer) in the projection */
    boolean markEmailVerified(UUID userId) {
        return jdbc.sql("update recipient set email_verified = true where user_id = :id").param("id", userId)
                .update() == 1;
    }

    public Optional<Recipient> find(UUID userId) {
        return jdbc.sql("select locale, time_zone, email_verified, display_name from recipient where user_id = :id")
                .param("id", userId)
                .query((rs, n) -> new Recipient(userId, rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getString(4)))
                .optional();
    }

    public Optional<String> email(UUID userId) {
        return jdbc.sql("select email_ciphertext from recipient where user_id = :id").param("id", userId)
                .query((rs, n) -> cipher.decrypt(rs.getBytes(1), context(userId))).optional();
    }

    public Map<Category, Boolean> preferences(UUID userId) {
        Map<Category, Boolean> settings = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            settings.put(category, category.defaultEnabled());
        }
        jdbc.sql("select category, enabled from preference where user_id = :id").param("id", userId)
                .query((rs, n) -> Map.entry(Category.valueOf(rs.getString(1)), rs.getBoolean(2)))
                .list().forEach(e -> settings.put(e.getKey(), e.getValue()));
        return settings;
    }

    public void setPreference(UUID userId, Category category, boolean enabled, Instant now) {
        jdbc.sql("""
                insert into preference (user_id, category, enabled, updated_at) values (:id, :category, :enabled, :now)
                on conflict (user_id, category) do update set enabled = excluded.enabled, updated_at = excluded.updated_at""")
                .param("id", userId).param("category", category.name()).param("enabled", enabled)
                .param("now", Timestamp.from(now)).update();
    }

    /** Erases the recipient; preferences go with it (foreign key cascade). */
    void erase(UUID userId) {
        jdbc.sql("delete from recipient where user_id = :id").param("id", userId).update();
    }

    private static String context(UUID userId) {
        return "recipient.email:" + userId;
    }

    /** @param displayName the name the person gave at registration, null for recipients projected before it was kept */
    public record Recipient(UUID userId, String locale, String timeZone, boolean emailVerified, String displayName) {
    }
}
