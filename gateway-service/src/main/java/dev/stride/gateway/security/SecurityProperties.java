package dev.stride.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.stride.contracts.StrideClaims;

/**
 * @param issuer        {@code iss} of every token this gateway issues and accepts
 * @param publicBaseUrl where clients reach the gateway (base of {@code jwks_uri}, {@code token_endpoint}); defaults to the issuer
 */
@ConfigurationProperties("stride.security")
public record SecurityProperties(String issuer, String publicBaseUrl) {

    public SecurityProperties {
        if (issuer == null || issuer.isBlank()) {
            issuer = StrideClaims.DEFAULT_ISSUER;
        }
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            publicBaseUrl = issuer;
        }
        while (publicBaseUrl.endsWith("/")) {
            publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
        }
    }
}
