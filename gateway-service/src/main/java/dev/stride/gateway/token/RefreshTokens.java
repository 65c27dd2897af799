package dev.stride.gateway.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.stride.gateway.audit.AuditEvents;
import dev.stride.gateway.audit.SecurityAudit;
import dev.stride.gateway.keys.TokenProperties;
import dev.stride.gateway.web.ApiException;
import dev.stride.kit.ids.TimeOrderedIds;

/**
 * Opaque refresh tokens (32 random bytes, base64url) stored only as SHA-256 hashes. Every refresh
 * rotates: the presented token is marked used by a conditional UPDATE (one concurrent caller wins)
 * and a new token of the same family is issued with the family's original absolute expiry.
 * Presenting a used token again is treated as theft (RFC 9700 §4.14.2): the whole family is
 * revoked. A family is one session: it also ends when its newest token has not been used for the
 * idle lifetime ({@code stride.tokens.refresh-idle-ttl}, default 14 days), when the account is
 * locked by an administrator, and when the account is deleted. Ending sessions here also ends their
 * access tokens ({@link AccessTokenRevocations}): one session → its {@code sid} is denied, all of a
 * user's sessions → a cutoff for every token issued so far. The revocation is recorded inside the
 * same transaction, so if it cannot be recorded the sessions stay as they were (503).
 * Blocking JDBC and Redis: call from boundedElastic.
 */
@Component
public class RefreshTokens {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_USER_AGENT = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TokenProperties properties;
    private final Duration idleTtl;
    private final SecurityAudit audit;
    private final AccessTokenRevocations revocations;

    RefreshTokens(JdbcClient jdbc, TransactionTemplate transactions, TokenProperties properties,
            @Value("${stride.tokens.refresh-idle-ttl:P14D}") Duration idleTtl, SecurityAudit audit,
            AccessTokenRevocations revocations) {
        if (idleTtl.isNegative() || idleTtl.isZero()) {
            throw new IllegalArgumentException("stride.tokens.refresh-idle-ttl must be positive");
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.idleTtl = idleTtl;
        this.audit = audit;
        this.revocations = revocations;
    }

    /** Starts a new family (a login) and returns the plain token; only its hash is stored. */
    public String issue(UUID userId) {
        return issue(userId, null, false).refreshToken();
    }

    /** Starts a new family (a session) for a login from {@code userAgent}, with or without a second factor. */
    public NewSession issue(UUID userId, String userAgent, boolean mfa) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID family = TimeOrderedIds.next();
        String token = insert(family, userId, now, now.plus(properties.refreshTtl()), clip(userAgent), mfa);
        return new NewSession(family, token);
    }

    /** @return the user, roles and the next token; empty if the token is unknown, expired, idle, revoked or reused */
    public Optional<Rotation> rotate(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] hash = hash(token);
        return transactions.execute(status -> {
            Optional<Used> used = jdbc.sql("""
                    UPDATE refresh_token SET used_at = now()
                    WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
                      AND created_at > now() - make_interval(secs => :idleSeconds)
                    RETURNING family_id, user_id, expires_at, user_agent, mfa
                    """)
                    .param("hash", hash)
                    .param("idleSeconds", idleTtl.toSeconds())
                    .query((rs, row) -> new Used(rs.getObject("family_id", UUID.class), rs.getObject("user_id", UUID.class),
                            rs.getObject("expires_at", OffsetDateTime.class), rs.getString("user_agent"),
                            rs.getBoolean("mfa")))
                    .optional();
            if (used.isEmpty()) {
                revokeIfReused(hash);
                return Optional.<Rotation>empty();
            }
            Used old = used.get();
            List<String> roles = jdbc.sql("SELECT roles FROM account WHERE id = :id AND admin_locked_at IS NULL")
                    .param("id", old.userId())
                    .query((rs, row) -> roles(rs.getArray("roles")))
                    .optional()
                    .orElse(null);
            if (roles == null) {
                status.setRollbackOnly();
                return Optional.<Rotation>empty();
            }
            String next = insert(old.familyId(), old.userId(), OffsetDateTime.now(ZoneOffset.UTC), old.expiresAt(),
                    old.userAgent(), old.mfa());
            return Optional.of(new Rotation(old.userId(), roles, next, old.familyId(), old.mfa()));
        });
    }

    /** Revokes the family of the token and its access tokens (logout); unknown or already revoked tokens are ignored. */
    public void revokeFamily(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return;
        }
        transactions.executeWithoutResult(status -> jdbc.sql("""
                UPDATE refresh_token SET revoked_at = now()
                WHERE revoked_at IS NULL
                  AND family_id = (SELECT family_id FROM refresh_token WHERE token_hash = :hash)
                RETURNING user_id, family_id
                """)
                .param("hash", hash(token))
                .query((rs, row) -> new Family(rs.getObject("user_id", UUID.class), rs.getObject("family_id", UUID.class)))
                .list().stream().findFirst()
                .ifPresent(family -> revocations.revokeSession(family.userId(), family.familyId())));
    }

    /** Ends one session of the user and its access tokens. @return false if the user has no such session (or it has already ended) */
    public boolean revokeSession(UUID userId, UUID familyId) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean ended = jdbc.sql("""
                    UPDATE refresh_token SET revoked_at = now()
                    WHERE user_id = :userId AND family_id = :familyId AND revoked_at IS NULL
                    """)
                    .param("userId", userId)
                    .param("familyId", familyId)
                    .update() > 0;
            if (ended) {
                revocations.revokeSession(userId, familyId);
            }
            return ended;
        }));
    }

    /**
     * Ends every session of the user except {@code keepFamilyId} (may be null: end all), and every
     * access token of the user issued until now, including those of the kept session (its client
     * refreshes once). Joins the caller's transaction. @return refresh tokens revoked
     */
    public int revokeAll(UUID userId, UUID keepFamilyId) {
        Integer revoked = transactions.execute(status -> {
            int count = jdbc.sql("""
                    UPDATE refresh_token SET revoked_at = now()
                    WHERE user_id = :userId AND revoked_at IS NULL
                      AND (CAST(:keep AS uuid) IS NULL OR family_id <> CAST(:keep AS uuid))
                    """)
                    .param("userId", userId)
                    .param("keep", keepFamilyId)
                    .update();
            // taken after the UPDATE: a refresh that locked one of these rows first has committed by now, and its
            // token carries the time from before its check, so it is older than this cutoff
            revocations.revokeIssuedUpTo(userId, Instant.now());
            return count;
        });
        return revoked == null ? 0 : revoked;
    }

    /** The user's live sessions (families whose newest token is usable), newest activity first. */
    public List<Session> sessions(UUID userId) {
        return jdbc.sql("""
                SELECT t.family_id,
                       (SELECT min(f.created_at) FROM refresh_token f WHERE f.family_id = t.family_id) AS started_at,
                       t.created_at AS last_used_at, t.user_agent, t.mfa, t.expires_at
                FROM refresh_token t
                WHERE t.user_id = :userId AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()
                  AND t.created_at > now() - make_interval(secs => :idleSeconds)
                ORDER BY t.created_at DESC
                """)
                .param("userId", userId)
                .param("idleSeconds", idleTtl.toSeconds())
                .query((rs, row) -> new Session(rs.getObject("family_id", UUID.class),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_used_at", OffsetDateTime.class).toInstant(), rs.getString("user_agent"),
                        rs.getBoolean("mfa"), rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private void revokeIfReused(byte[] hash) {
        Optional<Family> family = jdbc.sql("""
                UPDATE refresh_token SET revoked_at = now()
                WHERE revoked_at IS NULL
                  AND family_id = (SELECT family_id FROM refresh_token WHERE token_hash = :hash AND used_at IS NOT NULL)
                RETURNING user_id, family_id
                """)
                .param("hash", hash)
                .query((rs, row) -> new Family(rs.getObject("user_id", UUID.class), rs.getObject("family_id", UUID.class)))
                .list().stream().findFirst();
        family.ifPresent(reused -> {
            audit.failure(AuditEvents.TOKEN_REUSE, reused.userId(), null, "family_revoked");
            try {
                revocations.revokeSession(reused.userId(), reused.familyId());
            }
            catch (ApiException ex) {
                // logged and counted by AccessTokenRevocations; the family's revocation in the database must stand
            }
        });
    }

    private String insert(UUID familyId, UUID userId, OffsetDateTime now, OffsetDateTime expiresAt, String userAgent,
            boolean mfa) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO refresh_token (id, family_id, user_id, token_hash, created_at, expires_at, user_agent, mfa)
                VALUES (:id, :familyId, :userId, :hash, :createdAt, :expiresAt, :userAgent, :mfa)
                """)
                .param("id", TimeOrderedIds.next())
                .param("familyId", familyId)
                .param("userId", userId)
                .param("hash", hash(token))
                .param("createdAt", now)
                .param("expiresAt", expiresAt)
                .param("userAgent", userAgent)
                .param("mfa", mfa)
                .update();
        return token;
    }

    private static String clip(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String printable = userAgent.replaceAll("\\p{Cntrl}", " ").strip();
        return printable.length() > MAX_USER_AGENT ? printable.substring(0, MAX_USER_AGENT) : printable;
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

    private record Family(UUID userId, UUID familyId) {
    }

    private record Used(UUID familyId, UUID userId, OffsetDateTime expiresAt, String userAgent, boolean mfa) {
    }

    public record NewSession(UUID familyId, String refreshToken) {
    }

    public record Rotation(UUID userId, List<String> roles, String refreshToken, UUID familyId, boolean mfa) {
    }

    public record Session(UUID id, java.time.Instant createdAt, java.time.Instant lastUsedAt, String userAgent,
            boolean mfa, java.time.Instant expiresAt) {
    }
}
