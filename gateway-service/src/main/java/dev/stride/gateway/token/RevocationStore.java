package dev.stride.gateway.token;

import java.time.Duration;

import dev.stride.gateway.keys.TokenProperties;
import reactor.core.publisher.Mono;

/**
 * Where revoked access tokens are remembered: a denied session id per session, and per user the
 * highest cutoff (epoch milliseconds; tokens issued at or before it are invalid). Every entry
 * lives {@link #ENTRY_TTL}, after which no token it could match is accepted anyway.
 */
interface RevocationStore {

    /**
     * The longest lifetime any instance may give an access token (the cap of
     * {@code stride.tokens.access-ttl}, not the configured value: instances may differ during a
     * rollout) plus the clock skew the validator allows after {@code exp}.
     */
    Duration ENTRY_TTL = TokenProperties.MAX_ACCESS_TTL.plus(TokenProperties.CLOCK_SKEW);

    Mono<Void> denySession(String userId, String sessionId);

    /** Raises the user's cutoff to {@code cutoffMillis} (never lowers it) and restarts the entry's lifetime. */
    Mono<Void> raiseCutoff(String userId, long cutoffMillis);

    /** The user's cutoff and whether the session is denied, in one look-up. */
    Mono<Entries> read(String userId, String sessionId);

    /** @param cutoffMillis the user's cutoff, or {@code Long.MIN_VALUE} when there is none */
    record Entries(long cutoffMillis, boolean sessionDenied) {
    }

    /* Both keys of a user share the hash tag {userId}, so one MGET works on a Redis Cluster too. */

    static String cutoffKey(String userId) {
        return "stride:revoked:{" + userId + "}:issued-up-to";
    }

    static String sessionKey(String userId, String sessionId) {
        return "stride:revoked:{" + userId + "}:sid:" + sessionId;
    }
}
