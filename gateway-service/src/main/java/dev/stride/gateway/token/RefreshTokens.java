package dev.stride.gateway.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.stride.gateway.TimeOrderedIds;
import dev.stride.gateway.keys.TokenProperties;

/**
 * Opaque refresh tokens (32 random bytes, base64url) stored only as SHA-256 hashes. Every refresh
 * rotates: the presented token is marked used by a conditional UPDATE (one concurrent caller wins)
 * and a new token of the same family is issued with the family's original absolute expiry.
 * Presenting a used token again is treated as theft (RFC 9700 §4.14.2): the whole family is
 * revoked. Blocking JDBC: call from boundedElastic.
 */
@Component
public class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TokenProperties properties;

    RefreshTokens(JdbcClient jdbc, TransactionTemplate transactions, TokenProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Starts a new family (a login) and returns the plain token; only its hash is stored. */
    public String issue(UUID userId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return insert(TimeOrderedIds.next(), userId, now, now.plus(properties.refreshTtl()));
    }

    /** @return the user, roles and the next token; empty if the token is unknown, expired, revoked or reused */
    public Optional<Rotation> rotate(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] hash = hash(token);
        return transactions.execute(status -> {
            Optional<Used> used = jdbc.sql("""
                    UPDATE refresh_token SET used_at = now()
                    WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
                    RETURNING family_id, user_id, expires_at
                    """)
                    .param("hash", hash)
                    .query((rs, row) -> new Used(rs.getObject("family_id", UUID.class), rs.getObject("user_id", UUID.class),
                            rs.getObject("expires_at", OffsetDateTime.class)))
                    .optional();
            if (used.isEmpty()) {
                revokeIfReused(hash);
                return Optional.<Rotation>empty();
            }
            Used old = used.get();
            List<String> roles = jdbc.sql("SELECT roles FROM account WHERE id = :id")
                    .param("id", old.userId())
                    .query((rs, row) -> roles(rs.getArray("roles")))
                    .optional()
                    .orElse(null);
            if (roles == null) {
                return Optional.<Rotation>empty();
            }
            String next = insert(old.familyId(), old.userId(), OffsetDateTime.now(ZoneOffset.UTC), old.expiresAt());
            return Optional.of(new Rotation(old.userId(), roles, next));
        });
    }

    /** Revokes the family of the token (logout); unknown tokens are ignored. */
    public void revokeFamily(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return;
        }
        jdbc.sql("""
                UPDATE refresh_token SET revoked_at = now()
                WHERE revoked_at IS NULL
                  AND family_id = (SELECT family_id FROM refresh_token WHERE token_hash = :hash)
                """)
                .param("hash", hash(token))
                .update();
    }

    private void revokeIfReused(byte[] hash) {
        int revoked = jdbc.sql("""
                UPDATE refresh_token SET revoked_at = now()
                WHERE revoked_at IS NULL
                  AND family_id = (SELECT family_id FROM refresh_token WHERE token_hash = :hash AND used_at IS NOT NULL)
                """)
                .param("hash", hash)
                .update();
        if (revoked > 0) {
            // OWASP logging vocabulary: authn_token_reuse
            log.warn("authn_token_reuse: a used refresh token was presented again; revoked {} token(s) of its family",
                    revoked);
        }
    }

    private String insert(UUID familyId, UUID userId, OffsetDateTime now, OffsetDateTime expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO refresh_token (id, family_id, user_id, token_hash, created_at, expires_at)
                VALUES (:id, :familyId, :userId, :hash, :createdAt, :expiresAt)
                """)
                .param("id", TimeOrderedIds.next())
                .param("familyId", familyId)
                .param("userId", userId)
                .param("hash", hash(token))
                .param("createdAt", now)
                .param("expiresAt", expiresAt)
                .update();
        return token;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> roles(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private record Used(UUID familyId, UUID userId, OffsetDateTime expiresAt) {
    }

    public record Rotation(UUID userId, List<String> roles, String refreshToken) {
    }
}
