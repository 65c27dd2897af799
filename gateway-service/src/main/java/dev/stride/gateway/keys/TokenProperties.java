package dev.stride.gateway.keys;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings ({@code stride.tokens.*}).
 *
 * @param keyFile           PKCS#8 PEM RSA private key that signs every token (required)
 * @param previousKeyFile   optional older key (PEM private or public key) still published in the JWKS during rotation
 * @param generateIfMissing generate {@code keyFile} (mode 0600) when it does not exist; local profile only
 * @param accessTtl         lifetime of user access tokens, at most 15 minutes
 * @param serviceTtl        lifetime of service (client-credentials) tokens, at most 5 minutes
 * @param refreshTtl        absolute lifetime of a refresh-token family; rotation does not extend it
 */
@ConfigurationProperties("stride.tokens")
public record TokenProperties(Path keyFile, Path previousKeyFile, @DefaultValue("false") boolean generateIfMissing,
        @DefaultValue("PT10M") Duration accessTtl, @DefaultValue("PT5M") Duration serviceTtl,
        @DefaultValue("P30D") Duration refreshTtl) {

    /** The longest lifetime any gateway instance may give a user access token. */
    public static final Duration MAX_ACCESS_TTL = Duration.ofMinutes(15);
    /** Clock skew the gateway's validator allows on {@code exp}: a token is accepted until {@code exp} + this. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final Duration MAX_SERVICE_TTL = Duration.ofMinutes(5);

    public TokenProperties {
        if (keyFile == null) {
            throw new IllegalArgumentException("stride.tokens.key-file must be set (PKCS#8 PEM RSA private key)");
        }
        requireBetween("stride.tokens.access-ttl", accessTtl, MAX_ACCESS_TTL);
        requireBetween("stride.tokens.service-ttl", serviceTtl, MAX_SERVICE_TTL);
        if (refreshTtl.isNegative() || refreshTtl.isZero()) {
            throw new IllegalArgumentException("stride.tokens.refresh-ttl must be positive");
        }
    }

    private static void requireBetween(String name, Duration value, Duration max) {
        if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be positive and at most " + max + ", was " + value);
        }
    }
}
