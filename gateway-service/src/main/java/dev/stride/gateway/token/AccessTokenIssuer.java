package dev.stride.gateway.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;

import dev.stride.contracts.StrideClaims;
import dev.stride.gateway.keys.SigningKeys;
import dev.stride.gateway.keys.TokenProperties;
import dev.stride.gateway.security.SecurityProperties;

/** Mints RS256 access tokens ({@code typ: at+jwt}, RFC 9068 shape) for users and for services. */
@Component
public class AccessTokenIssuer {

    /** Claim naming the session (refresh-token family) a user token belongs to. */
    public static final String SESSION_ID = "sid";
    /** RFC 8176 authentication methods: {@code pwd}, and {@code otp} when a second factor was given. */
    public static final String AMR = "amr";
    /**
     * Issue time in epoch milliseconds: revocation cutoffs are compared with it, because {@code iat}
     * (whole seconds, RFC 7519) cannot order a token and an event within the same second.
     */
    public static final String ISSUED_AT_MILLIS = "iat_ms";

    private final SigningKeys keys;
    private final TokenProperties tokens;
    private final String issuer;
    private final Clock clock;
    private final RSASSASigner signer;

    AccessTokenIssuer(SigningKeys keys, TokenProperties tokens, SecurityProperties security) {
        this.keys = keys;
        this.tokens = tokens;
        this.issuer = security.issuer();
        this.clock = Clock.systemUTC();
        try {
            this.signer = new RSASSASigner(keys.signingKey());
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("signing key unusable", ex);
        }
    }

    /**
     * A token for the public API (aud stride-api, sub the user id, the user's roles, kind user),
     * bound to a session (the refresh-token family, claim {@value #SESSION_ID}) so that it can be
     * revoked with it, with the authentication methods used ({@value #AMR}: {@code pwd}, plus
     * {@code otp} after a second factor).
     *
     * @param issuedAt when the caller decided to issue it (before its database checks), so that a
     *                 revocation racing with a login or refresh is never older than the token
     *                 it should catch
     */
    public IssuedToken forUser(UUID userId, List<String> roles, UUID sessionId, boolean secondFactor, Instant issuedAt) {
        if (sessionId == null) {
            throw new IllegalArgumentException("a user token needs its session id (sid)");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", List.of(StrideClaims.API_AUDIENCE));
        claims.put("sub", userId.toString());
        claims.put(StrideClaims.ROLES, List.copyOf(roles));
        claims.put(StrideClaims.TOKEN_KIND, StrideClaims.KIND_USER);
        claims.put(SESSION_ID, sessionId.toString());
        claims.put(AMR, secondFactor ? List.of("pwd", "otp") : List.of("pwd"));
        return sign(claims, issuedAt, tokens.accessTtl());
    }

    /** A token for one service ({@code aud}), on behalf of a client service, scope internal, kind service. */
    public IssuedToken forService(String clientId, String audience) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", List.of(audience));
        claims.put("sub", clientId);
        claims.put(StrideClaims.CLIENT_ID, clientId);
        claims.put(StrideClaims.SCOPE, StrideClaims.SCOPE_INTERNAL);
        claims.put(StrideClaims.TOKEN_KIND, StrideClaims.KIND_SERVICE);
        return sign(claims, clock.instant(), tokens.serviceTtl());
    }

    private IssuedToken sign(Map<String, Object> specific, Instant now, Duration ttl) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.putAll(specific);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now.getEpochSecond());
        claims.put(ISSUED_AT_MILLIS, now.toEpochMilli());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keys.signingKey().getKeyID())
                .type(new JOSEObjectType(StrideClaims.ACCESS_TOKEN_TYPE))
                .build();
        // JWSObject with an explicit payload keeps aud a JSON array (JWTClaimsSet collapses one value to a string).
        JWSObject jws = new JWSObject(header, new Payload(claims));
        try {
            jws.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("could not sign token", ex);
        }
        return new IssuedToken(jws.serialize(), ttl.toSeconds());
    }

    public record IssuedToken(String value, long expiresInSeconds) {
    }
}
