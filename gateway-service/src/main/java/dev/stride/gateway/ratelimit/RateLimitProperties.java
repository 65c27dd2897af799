package dev.stride.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token-bucket rate limits of the edge ({@code stride.ratelimit.*}).
 *
 * @param redis    use the Redis limiter (shared by all gateway instances) when a Redis host is
 *                 configured ({@code spring.data.redis.host}); false forces the in-memory limiter
 * @param policies token buckets by name; {@value #API} (per user on routed API calls),
 *                 {@value #LOGIN} (per client IP on login, register and password reset) and
 *                 {@value #AUTH} (per client IP on the other public auth endpoints) always exist
 */
@ConfigurationProperties("stride.ratelimit")
public record RateLimitProperties(Boolean redis, Map<String, Policy> policies) {

    public static final String API = "api";
    public static final String LOGIN = "login";
    public static final String AUTH = "auth";

    public RateLimitProperties {
        redis = redis == null ? Boolean.TRUE : redis;
        Map<String, Policy> merged = new LinkedHashMap<>();
        merged.put(API, new Policy(20, 40, 1));
        merged.put(LOGIN, new Policy(5, 10, 1));
        merged.put(AUTH, new Policy(10, 20, 1));
        if (policies != null) {
            merged.putAll(policies);
        }
        policies = Map.copyOf(merged);
    }

    public Policy policy(String name) {
        Policy policy = policies.get(name);
        if (policy == null) {
            throw new IllegalArgumentException("no rate-limit policy " + name);
        }
        return policy;
    }

    /**
     * @param replenishRate   tokens added per second
     * @param burstCapacity   bucket size (requests allowed in one burst)
     * @param requestedTokens tokens one request costs (raise it for limits below 1/s)
     */
    public record Policy(int replenishRate, int burstCapacity, int requestedTokens) {

        public Policy {
            if (requestedTokens <= 0) {
                requestedTokens = 1;
            }
            if (replenishRate <= 0 || burstCapacity < requestedTokens) {
                throw new IllegalArgumentException("rate-limit policy needs replenishRate > 0 and burstCapacity >= requestedTokens");
            }
        }

        /** Seconds until one request's worth of tokens is back in an empty bucket (at least 1). */
        public long retryAfterSeconds() {
            return Math.max(1, (requestedTokens + replenishRate - 1) / replenishRate);
        }
    }
}
