package dev.stride.kit.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.stride.contracts.StrideClaims;

/**
 * @param issuer      required {@code iss} of every token
 * @param jwkSetUri   the gateway's JWKS; keys are fetched from nowhere else (no jku/x5u/jwk)
 * @param publicPaths Ant patterns of this service that need no token (e.g. unsubscribe links)
 * @param clockSkew   tolerance on exp/nbf
 */
@ConfigurationProperties("stride.security")
public record StrideSecurityProperties(String issuer, String jwkSetUri, List<String> publicPaths, Duration clockSkew) {

    public StrideSecurityProperties {
        issuer = issuer == null ? StrideClaims.DEFAULT_ISSUER : issuer;
        jwkSetUri = jwkSetUri == null ? "https://127.0.0.1:8443/.well-known/jwks.json" : jwkSetUri;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
    }
}
