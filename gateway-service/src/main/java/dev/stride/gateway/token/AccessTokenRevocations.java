package dev.stride.gateway.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

import dev.stride.contracts.ErrorCode;
import dev.stride.gateway.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Ends access tokens before they expire (ASVS 5.0 V7.4.1-V7.4.3). Access tokens are self-contained
 * JWTs (≤ 15 min), so ending a session in the database is not enough; the gateway also checks
 * every token against two kinds of entries:
 * <ul>
 * <li>a denied session ({@code sid}): every token of that session, whenever it was issued; for
 * logout, ending one session, and a refresh-token family revoked for reuse. A session's refresh
 * tokens are revoked in the same step, so it can mint no new token either;</li>
 * <li>a per-user cutoff T: every token of the user issued at or before T ({@code iat_ms ≤ T}); for
 * password change and reset, an administrator's lock, role change or "revoke sessions", and
 * account deletion. Tokens issued after T (a new login, a refresh of a session that survived)
 * pass.</li>
 * </ul>
 * Issue times and cutoffs are compared in milliseconds ({@value AccessTokenIssuer#ISSUED_AT_MILLIS};
 * {@code iat} has whole seconds, which cannot tell a token minted just before an event from one
 * minted just after it in the same second). A token minted in the very millisecond of the cutoff
 * counts as before it: refused, and the client refreshes once more.
 *
 * <p>Failure policy: fail closed. When the store cannot answer within {@code timeout}, the check
 * fails the request with 503 (not 401: the token may be fine, the client should retry, not drop
 * it) and recording a revocation fails the action with 503 (the caller's transaction rolls back,
 * nothing changed). Both are logged and counted in {@value #FAILURES_METRIC}{@code {operation}}.
 */
public class AccessTokenRevocations {

    public static final String FAILURES_METRIC = "stride.security.revocation.failures";
    static final long RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(AccessTokenRevocations.class);

    private final RevocationStore store;
    private final Duration timeout;
    private final MeterRegistry meters;

    AccessTokenRevocations(RevocationStore store, Duration timeout, MeterRegistry meters) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("stride.tokens.revocation-timeout must be positive");
        }
        this.store = store;
        this.timeout = timeout;
        this.meters = meters;
    }

    /** Every access token of the session is refused from now on. Blocking; @throws ApiException 503 if not recorded */
    public void revokeSession(UUID userId, UUID sessionId) {
        record(store.denySession(userId.toString(), sessionId.toString()));
    }

    /** Every access token of the user issued at or before {@code cutoff} is refused. Blocking; @throws ApiException 503 if not recorded */
    public void revokeIssuedUpTo(UUID userId, Instant cutoff) {
        record(store.raiseCutoff(userId.toString(), cutoff.toEpochMilli()));
    }

    /**
     * Whether a token of {@code userId}, session {@code sessionId} (may be null), issued at
     * {@code issuedAtMillis} has been revoked. Errors with a 503 {@link ApiException} when the
     * store does not answer in time.
     */
    public Mono<Boolean> isRevoked(String userId, String sessionId, long issuedAtMillis) {
        return store.read(userId, sessionId)
                .timeout(timeout)
                .map(entries -> entries.sessionDenied() || issuedAtMillis <= entries.cutoffMillis())
                .onErrorMap(ex -> !(ex instanceof ApiException), ex -> failed("check", ex));
    }

    private void record(Mono<Void> write) {
        try {
            write.timeout(timeout).block();
        }
        catch (RuntimeException ex) {
            throw failed("record", ex);
        }
    }

    private ApiException failed(String operation, Throwable cause) {
        log.warn("access-token revocation store unavailable ({}): {}", operation, cause.toString());
        Counter.builder(FAILURES_METRIC)
                .description("Revocation look-ups or writes that the store (Redis) did not answer; requests failed closed with 503")
                .tag("operation", operation)
                .register(meters)
                .increment();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                "Token status cannot be checked right now. Please retry shortly.", Map.of(), headers);
    }
}
