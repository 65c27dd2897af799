package dev.stride.kit.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies each distinct access token's signature once per instance: an app sends the same token
 * with every request until it expires, and the RSA check with its key conversion was a seventh of
 * workout-service's CPU under upload load (docs/performance.md). A token seen before is not
 * decoded again, but the claim validators (expiry, issuer, type, audience) run on every request,
 * so a cached token stops working the moment it expires, exactly as without the cache.
 *
 * <p>Entries are keyed by the token's SHA-256, not by the token: a lookup then compares digests,
 * so its timing says nothing about how much of a guessed token matches a real one. Only tokens
 * that passed every check are kept, at most {@link #MAX_ENTRIES}; when full, expired entries go,
 * and if that frees nothing the cache starts over. A signing key withdrawn from the JWK set stays
 * trusted here for the tokens it already signed until they expire (at most the access-token
 * lifetime): the gateway, which every request passes, checks them against the new set at once.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Map<ByteBuffer, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param verifying decodes, verifies the signature and runs {@code validator} itself
     * @param validator the claim checks that must hold on every use of a token
     */
    VerifiedTokens(JwtDecoder verifying, OAuth2TokenValidator<Jwt> validator, Clock clock) {
        this.verifying = verifying;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        ByteBuffer key = ByteBuffer.wrap(sha256(token));
        Jwt known = verified.get(key);
        if (known == null) {
            Jwt jwt = verifying.decode(token);
            remember(key, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.remove(key);
            throw new JwtValidationException(message(result.getErrors()), result.getErrors());
        }
        return known;
    }

    int size() {
        return verified.size();
    }

    private void remember(ByteBuffer key, Jwt jwt) {
        if (verified.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            verified.values().removeIf(j -> j.getExpiresAt() == null || !j.getExpiresAt().isAfter(now));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(key, jwt);
    }

    /** The message NimbusJwtDecoder gives for the same failures. */
    private static String message(Collection<OAuth2Error> errors) {
        for (OAuth2Error error : errors) {
            if (error.getDescription() != null && !error.getDescription().isEmpty()) {
                return "An error occurred while attempting to decode the Jwt: " + error.getDescription();
            }
        }
        return "Unable to validate Jwt";
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }
}
