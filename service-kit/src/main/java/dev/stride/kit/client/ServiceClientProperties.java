package dev.stride.kit.client;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tokenUri       the gateway's token endpoint
 * @param clientSecret   this service's client secret (client id = spring.application.name); the
 *                       client is off without it
 * @param services       service name → base URI of its instance (or load balancer)
 * @param connectTimeout TCP connect limit of internal calls
 * @param readTimeout    response limit of internal calls
 */
@ConfigurationProperties("stride.service")
public record ServiceClientProperties(String tokenUri, String clientSecret, Map<String, String> services,
        Duration connectTimeout, Duration readTimeout) {

    public ServiceClientProperties {
        tokenUri = tokenUri == null ? "https://127.0.0.1:8443/oauth2/token" : tokenUri;
        services = services == null ? Map.of() : Map.copyOf(services);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    }
}
