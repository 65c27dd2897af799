package dev.stride.gateway.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code account} (schema gateway). Blocking JDBC: call from boundedElastic. */
@Repository
class AccountRepository {

    private static final String COLUMNS = """
            id, email_ciphertext, display_name, locale, time_zone, password_hash, roles, created_at, email_verified_at,
            failed_logins, locked_until, soft_locked_at, admin_locked_at, totp_secret_ciphertext, totp_enabled_at
            """;

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true if inserted, false if an account with this e-mail index already exists (nothing changed) */
    boolean insertIfAbsent(NewAccount account) {
        return jdbc.sql("""
                INSERT INTO account (id, email_ciphertext, email_index, display_name, locale, time_zone,
                                     password_hash, roles, created_at, email_verified_at)
                VALUES (:id, :emailCiphertext, :emailIndex, :displayName, :locale, :timeZone,
                        :passwordHash, :roles, :createdAt, :verifiedAt)
                ON CONFLICT (email_index) DO NOTHING
                """)
                .param("id", account.id())
                .param("emailCiphertext", account.emailCiphertext())
                .param("emailIndex", account.emailIndex())
                .param("displayName", account.displayName())
                .param("locale", account.locale())
                .param("timeZone", account.timeZone())
                .param("passwordHash", account.passwordHash())
                .param("roles", account.roles().toArray(String[]::new))
                .param("createdAt", OffsetDateTime.now(ZoneOffset.UTC))
                .param("verifiedAt", account.emailVerified() ? OffsetDateTime.now(ZoneOffset.UTC) : null)
                .update() == 1;
    }

    Optional<Account> findByEmailIndex(byte[] emailIndex) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE email_index = :emailIndex")
                .param("emailIndex", emailIndex)
                .query(AccountRepository::account)
                .optional();
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id")
                .param("id", id)
                .query(AccountRepository::account)
                .optional();
    }

    /**
     * Counts one more consecutive failure. From {@code threshold} failures on, logins are refused
     * until {@code now + min(2^(failures - threshold) s, maxDelay)}; at {@code softLock} failures
     * the account is soft-locked (only a password reset lifts it).
     */
    Failures recordFailure(UUID id, int threshold, Duration maxDelay, int softLock) {
        return jdbc.sql("""
                UPDATE account SET
                    failed_logins = failed_logins + 1,
                    locked_until = CASE WHEN failed_logins + 1 >= :threshold
                        THEN now() + make_interval(secs => LEAST(power(2, failed_logins + 1 - :threshold), :maxDelay))
                        ELSE locked_until END,
                    soft_locked_at = CASE WHEN failed_logins + 1 >= :softLock THEN coalesce(soft_locked_at, now())
                        ELSE soft_locked_at END
                WHERE id = :id
                RETURNING failed_logins, locked_until, soft_locked_at
                """)
                .param("id", id)
                .param("threshold", threshold)
                .param("maxDelay", (double) maxDelay.toSeconds())
                .param("softLock", softLock)
                .query((rs, row) -> new Failures(rs.getInt("failed_logins"), instant(rs, "locked_until"),
                        instant(rs, "soft_locked_at") != null))
                .single();
    }

    void clearFailures(UUID id) {
        jdbc.sql("UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = :id AND failed_logins > 0")
                .param("id", id)
                .update();
    }

    /** New password: also lifts the throttling and the soft lock (not an administrator's lock). */
    void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("""
                UPDATE account SET password_hash = :hash, password_changed_at = now(), failed_logins = 0,
                                   locked_until = NULL, soft_locked_at = NULL
                WHERE id = :id
                """)
                .param("id", id)
                .param("hash", passwordHash)
                .update();
    }

    /** @return true if the address was unverified and is now verified */
    boolean markEmailVerified(UUID id) {
        return jdbc.sql("UPDATE account SET email_verified_at = now() WHERE id = :id AND email_verified_at IS NULL")
                .param("id", id)
                .update() == 1;
    }

    /** @return false if another account holds this index (nothing changed) */
    boolean changeEmail(UUID id, byte[] ciphertext, byte[] index) {
        return jdbc.sql("""
                UPDATE account SET email_ciphertext = :ciphertext, email_index = :index, email_verified_at = now()
                WHERE id = :id AND NOT EXISTS (SELECT 1 FROM account o WHERE o.email_index = :index AND o.id <> :id)
                """)
                .param("id", id)
                .param("ciphertext", ciphertext)
                .param("index", index)
                .update() == 1;
    }

    /**
     * Sets the given (non-null) locale and time zone; null leaves a value as it is.
     *
     * @return the values now held, stamped with the clock time after the row lock was taken (so a
     *         later change of the same row always has a later stamp than the earlier one, which
     *         {@code now()}, the transaction's start, would not guarantee); empty when nothing changed
     *         or the account is gone
     */
    Optional<Settings> changeSettings(UUID id, String locale, String timeZone) {
        return jdbc.sql("""
                UPDATE account SET locale = coalesce(:locale, locale), time_zone = coalesce(:timeZone, time_zone)
                WHERE id = :id AND (locale IS DISTINCT FROM coalesce(:locale, locale)
                                    OR time_zone IS DISTINCT FROM coalesce(:timeZone, time_zone))
                RETURNING locale, time_zone, email_verified_at IS NOT NULL AS verified, clock_timestamp() AS changed_at
                """)
                .param("id", id)
                .param("locale", locale, Types.VARCHAR)
                .param("timeZone", timeZone, Types.VARCHAR)
                .query((rs, row) -> new Settings(rs.getString("locale"), rs.getString("time_zone"),
                        rs.getBoolean("verified"), instant(rs, "changed_at")))
                .optional();
    }

    boolean existsByEmailIndex(byte[] index) {
        return jdbc.sql("SELECT count(*) FROM account WHERE email_index = :index")
                .param("index", index)
                .query(Long.class)
                .single() > 0;
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM account WHERE id = :id").param("id", id).update() == 1;
    }

    long countAdmins() {
        return jdbc.sql("SELECT count(*) FROM account WHERE 'ADMIN' = ANY (roles)").query(Long.class).single();
    }

    void storeTotpSecret(UUID id, byte[] ciphertext) {
        jdbc.sql("""
                UPDATE account SET totp_secret_ciphertext = :secret, totp_enabled_at = NULL, totp_last_step = NULL
                WHERE id = :id AND totp_enabled_at IS NULL
                """)
                .param("id", id)
                .param("secret", ciphertext)
                .update();
    }

    boolean enableTotp(UUID id) {
        return jdbc.sql("""
                UPDATE account SET totp_enabled_at = now()
                WHERE id = :id AND totp_enabled_at IS NULL AND totp_secret_ciphertext IS NOT NULL
                """)
                .param("id", id)
                .update() == 1;
    }

    /** Accepts the RFC 6238 time step once: @return false if this or a later step was already used */
    boolean consumeTotpStep(UUID id, long step) {
        return jdbc.sql("""
                UPDATE account SET totp_last_step = :step
                WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)
                """)
                .param("id", id)
                .param("step", step)
                .update() == 1;
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getBytes("email_ciphertext"), rs.getString("display_name"),
                rs.getString("locale"), rs.getString("time_zone"), rs.getString("password_hash"),
                roles(rs.getArray("roles")), instant(rs, "created_at"), instant(rs, "email_verified_at"),
                rs.getInt("failed_logins"), instant(rs, "locked_until"), instant(rs, "soft_locked_at"),
                instant(rs, "admin_locked_at"), rs.getBytes("totp_secret_ciphertext"), instant(rs, "totp_enabled_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static List<String> roles(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    record Settings(String locale, String timeZone, boolean emailVerified, Instant changedAt) {
    }

    record NewAccount(UUID id, byte[] emailCiphertext, byte[] emailIndex, String displayName, String locale,
            String timeZone, String passwordHash, List<String> roles, boolean emailVerified) {

        NewAccount(UUID id, byte[] emailCiphertext, byte[] emailIndex, String displayName, String locale,
                String timeZone, String passwordHash) {
            this(id, emailCiphertext, emailIndex, displayName, locale, timeZone, passwordHash, List.of("USER"), false);
        }
    }

    record Account(UUID id, byte[] emailCiphertext, String displayName, String locale, String timeZone,
            String passwordHash, List<String> roles, Instant createdAt, Instant emailVerifiedAt, int failedLogins,
            Instant lockedUntil, Instant softLockedAt, Instant adminLockedAt, byte[] totpSecretCiphertext,
            Instant totpEnabledAt) {

        boolean isAdmin() {
            return roles.contains("ADMIN");
        }

        boolean totpEnabled() {
            return totpEnabledAt != null;
        }

        /** Refuses logins right now: throttled after failures, soft-locked, or locked by an administrator. */
        boolean lockedAt(Instant now) {
            return adminLockedAt != null || softLockedAt != null || (lockedUntil != null && lockedUntil.isAfter(now));
        }
    }

    record Failures(int count, Instant lockedUntil, boolean softLocked) {
    }
}
