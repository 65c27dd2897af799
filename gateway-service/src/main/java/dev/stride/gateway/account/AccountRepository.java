package dev.stride.gateway.account;

import java.sql.Array;
import java.sql.SQLException;
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

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true if inserted, false if an account with this e-mail index already exists (nothing changed) */
    boolean insertIfAbsent(NewAccount account) {
        return jdbc.sql("""
                INSERT INTO account (id, email_ciphertext, email_index, display_name, locale, time_zone,
                                     password_hash, roles, created_at)
                VALUES (:id, :emailCiphertext, :emailIndex, :displayName, :locale, :timeZone,
                        :passwordHash, ARRAY['USER'], :createdAt)
                ON CONFLICT (email_index) DO NOTHING
                """)
                .param("id", account.id())
                .param("emailCiphertext", account.emailCiphertext())
                .param("emailIndex", account.emailIndex())
                .param("displayName", account.displayName())
                .param("locale", account.locale())
                .param("timeZone", account.timeZone())
                .param("passwordHash", account.passwordHash())
                .param("createdAt", OffsetDateTime.now(ZoneOffset.UTC))
                .update() == 1;
    }

    Optional<Credentials> findCredentials(byte[] emailIndex) {
        return jdbc.sql("SELECT id, password_hash, roles FROM account WHERE email_index = :emailIndex")
                .param("emailIndex", emailIndex)
                .query((rs, row) -> new Credentials(rs.getObject("id", UUID.class), rs.getString("password_hash"),
                        roles(rs.getArray("roles"))))
                .optional();
    }

    static List<String> roles(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    record NewAccount(UUID id, byte[] emailCiphertext, byte[] emailIndex, String displayName, String locale,
            String timeZone, String passwordHash) {
    }

    record Credentials(UUID id, String passwordHash, List<String> roles) {
    }
}
