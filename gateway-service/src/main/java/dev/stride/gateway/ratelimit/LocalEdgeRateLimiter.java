package dev.stride.gateway.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * In-memory token buckets with the same semantics as the Redis script, for runs without Redis
 * only: each gateway instance counts alone, so N instances allow N times the limit. Bounded
 * (at most {@value #MAX_BUCKETS} buckets, idle ones evicted) so a flood of distinct keys cannot
 * exhaust memory.
 */
class LocalEdgeRateLimiter implements EdgeRateLimiter {

    static final int MAX_BUCKETS = 100_000;

    private final RateLimitProperties properties;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_BUCKETS)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    LocalEdgeRateLimiter(RateLimitProperties properties) {
        this(properties, System::nanoTime);
    }

    LocalEdgeRateLimiter(RateLimitProperties properties, LongSupplier nanoTime) {
        this.properties = properties;
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Decision> acquire(String policy, String key) {
        RateLimitProperties.Policy limits = properties.policy(policy);
        Bucket bucket = buckets.get(policy + ":" + key, k -> new Bucket(limits.burstCapacity(), nanoTime.getAsLong()));
        boolean allowed = bucket.take(limits, nanoTime.getAsLong());
        return Mono.just(new Decision(allowed, limits.retryAfterSeconds()));
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take(RateLimitProperties.Policy limits, long now) {
            double elapsedSeconds = Math.max(0, now - refilledAt) / 1_000_000_000.0;
            tokens = Math.min(limits.burstCapacity(), tokens + elapsedSeconds * limits.replenishRate());
            refilledAt = now;
            if (tokens >= limits.requestedTokens()) {
                tokens -= limits.requestedTokens();
                return true;
            }
            return false;
        }
    }
}
