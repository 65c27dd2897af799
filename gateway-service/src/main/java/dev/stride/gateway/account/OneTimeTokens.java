package dev.stride.gateway.account;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.stride.gateway.token.TokenHashes;
import dev.stride.kit.ids.TimeOrderedIds;

/**
 * One-time tokens sent by e-mail (verification, address change, password reset): 256 random bits,
 * base64url, stored only as SHA-256; redeemed at most once by a conditional UPDATE. Blocking JDBC.
 */
@Component
class OneTimeTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    enum Purpose {
        EMAIL_VERIFICATION, EMAIL_CHANGE, PASSWORD_RESET
    }

    private final JdbcClient jdbc;

    OneTimeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Issued issue(UUID userId, Purpose purpose, Duration ttl) {
        return issue(userId, purpose, ttl, null, null);
    }

    Issued issue(UUID userId, Purpose purpose, Duration ttl, byte[] emailCiphertext, byte[] emailIndex) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = TimeOrderedIds.next();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO account_token (id, user_id, purpose, token_hash, email_ciphertext, email_index, created_at, expires_at)
                VALUES (:id, :userId, :purpose, :hash, :emailCiphertext, :emailIndex, :createdAt, :expiresAt)
                """)
                .param("id", id)
                .param("userId", userId)
                .param("purpose", purpose.name())
                .param("hash", TokenHashes.sha256(token))
                .param("emailCiphertext", emailCiphertext)
                .param("emailIndex", emailIndex)
                .param("createdAt", now)
                .param("expiresAt", now.plus(ttl))
                .update();
        return new Issued(id, token);
    }

    /** True if an unused token of this purpose was issued to the user within {@code interval}. */
    boolean issuedWithin(UUID userId, Purpose purpose, Duration interval) {
        return jdbc.sql("""
                SELECT count(*) FROM account_token
                WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL
                  AND created_at > now() - make_interval(secs => :secs)
                """)
                .param("userId", userId)
                .param("purpose", purpose.name())
                .param("secs", (double) interval.toSeconds())
                .query(Long.class)
                .single() > 0;
    }

    /** The valid (unused, unexpired) token of one of these purposes, without using it. */
    Optional<Token> peek(String token, Purpose purpose) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, user_id, purpose, email_ciphertext, email_index FROM account_token
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()
                """)
                .param("hash", TokenHashes.sha256(token))
                .param("purpose", purpose.name())
                .query(OneTimeTokens::token)
                .optional();
    }

    /** Uses the token if it is valid and of one of the purposes; a second call with it finds nothing. */
    Optional<Token> redeem(String token, Purpose... purposes) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        String[] names = java.util.Arrays.stream(purposes).map(Enum::name).toArray(String[]::new);
        return jdbc.sql("""
                UPDATE account_token SET used_at = now()
                WHERE token_hash = :hash AND purpose = ANY (:purposes) AND used_at IS NULL AND expires_at > now()
                RETURNING id, user_id, purpose, email_ciphertext, email_index
                """)
                .param("hash", TokenHashes.sha256(token))
                .param("purposes", names)
                .query(OneTimeTokens::token)
                .optional();
    }

    /** Voids every outstanding token of this purpose of the user. */
    void voidAll(UUID userId, Purpose purpose) {
        jdbc.sql("UPDATE account_token SET used_at = now() WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL")
                .param("userId", userId)
                .param("purpose", purpose.name())
                .update();
    }

    private static Token token(ResultSet rs, int row) throws SQLException {
        return new Token(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                Purpose.valueOf(rs.getString("purpose")), rs.getBytes("email_ciphertext"), rs.getBytes("email_index"));
    }

    record Issued(UUID id, String token) {
    }

    record Token(UUID id, UUID userId, Purpose purpose, byte[] emailCiphertext, byte[] emailIndex) {
    }
}
