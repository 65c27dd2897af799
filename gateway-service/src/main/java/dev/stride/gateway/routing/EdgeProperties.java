package dev.stride.gateway.routing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Edge settings of the public port.
 *
 * @param trustedProxies IPs or CIDR ranges of reverse proxies / load balancers in front of the
 *                       gateway ({@code STRIDE_GATEWAY_TRUSTED_PROXIES}, comma-separated). Only when
 *                       the TCP peer is one of them is {@code X-Forwarded-For} used to find the client
 *                       address; empty by default: the peer address is the client.
 * @param cors           strict CORS allowlist
 */
@ConfigurationProperties("stride.gateway")
public record EdgeProperties(List<String> trustedProxies, Cors cors) {

    public EdgeProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        cors = cors == null ? new Cors(List.of()) : cors;
    }

    /**
     * @param allowedOrigins exact origins ({@code https://app.stride.example}) allowed to call the API from a
     *                       browser ({@code STRIDE_GATEWAY_CORS_ALLOWED_ORIGINS}); empty = no CORS at all
     */
    public record Cors(List<String> allowedOrigins) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(String::trim).filter(s -> !s.isEmpty() && !"*".equals(s)
                            && !"null".equalsIgnoreCase(s)).toList();
        }
    }
}
