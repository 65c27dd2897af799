package dev.stride.gateway.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import dev.stride.gateway.token.AccessTokenIssuer;
import dev.stride.gateway.token.AccessTokenRevocations;
import reactor.core.publisher.Mono;

/**
 * Runs after signature and claim validation: a token whose session was ended, or that was issued
 * before its user's cutoff, is refused like any other invalid token ({@link RevokedTokenException}
 * is a {@link BadJwtException}, so Spring answers 401 {@code error="invalid_token"} and the entry
 * point audits reason {@value TokenRejectionReasons#REVOKED}). If the revocation store does not
 * answer, the 503 problem of {@link AccessTokenRevocations} propagates (fail closed).
 */
class RevocationCheckingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder validating;
    private final AccessTokenRevocations revocations;

    RevocationCheckingJwtDecoder(ReactiveJwtDecoder validating, AccessTokenRevocations revocations) {
        this.validating = validating;
        this.revocations = revocations;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return validating.decode(token).flatMap(jwt -> revocations
                .isRevoked(jwt.getSubject(), jwt.getClaimAsString(AccessTokenIssuer.SESSION_ID), issuedAtMillis(jwt))
                .flatMap(revoked -> revoked ? Mono.error(new RevokedTokenException(jwt.getSubject())) : Mono.just(jwt)));
    }

    /** {@value AccessTokenIssuer#ISSUED_AT_MILLIS}, a number: the validator has refused tokens without it. */
    private static long issuedAtMillis(Jwt jwt) {
        return ((Number) jwt.getClaims().get(AccessTokenIssuer.ISSUED_AT_MILLIS)).longValue();
    }

    /** A validly signed, unexpired token that was revoked. Carries the user id for the audit line. */
    static final class RevokedTokenException extends BadJwtException {

        private final String userId;

        RevokedTokenException(String userId) {
            super("The access token has been revoked");
            this.userId = userId;
        }

        String userId() {
            return userId;
        }
    }
}
