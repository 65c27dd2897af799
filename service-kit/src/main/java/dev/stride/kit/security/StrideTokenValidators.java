package dev.stride.kit.security;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

import dev.stride.contracts.StrideClaims;

/**
 * The checks Spring does not make by default (security checklist F1–F3): exp required, iss, typ
 * at+jwt, sub and jti present, and an audience that matches the kind of token: user tokens are
 * for the API, service tokens for exactly one service.
 */
public final class StrideTokenValidators {

    private StrideTokenValidators() {
    }

    /** @param serviceName the audience a service token must carry to be accepted here */
    public static OAuth2TokenValidator<Jwt> accessToken(String issuer, String serviceName, Duration clockSkew) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setAllowEmptyExpiryClaim(false);
        JwtTypeValidator type = new JwtTypeValidator(StrideClaims.ACCESS_TOKEN_TYPE);
        type.setAllowEmpty(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(timestamps, new JwtIssuerValidator(issuer), type,
                required(JwtClaimNames.SUB), required(JwtClaimNames.JTI), audience(serviceName)));
    }

    private static OAuth2TokenValidator<Jwt> required(String claim) {
        return jwt -> jwt.getClaims().get(claim) == null
                ? OAuth2TokenValidatorResult.failure(invalid("The " + claim + " claim is missing"))
                : OAuth2TokenValidatorResult.success();
    }

    static OAuth2TokenValidator<Jwt> audience(String serviceName) {
        Objects.requireNonNull(serviceName, "serviceName must not be null");
        return jwt -> {
            List<String> audience = jwt.getAudience() == null ? List.of() : jwt.getAudience();
            String kind = jwt.getClaimAsString(StrideClaims.TOKEN_KIND);
            boolean ok = StrideClaims.KIND_USER.equals(kind) ? audience.contains(StrideClaims.API_AUDIENCE)
                    : StrideClaims.KIND_SERVICE.equals(kind) && audience.contains(serviceName);
            return ok ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(invalid("The token is not meant for this service"));
        };
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
