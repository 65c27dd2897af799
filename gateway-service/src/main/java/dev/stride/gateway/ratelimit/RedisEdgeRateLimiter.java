package dev.stride.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's {@link RedisRateLimiter} (the token-bucket Lua script behind the
 * {@code RequestRateLimiter} filter), one configuration per policy. Buckets live in Redis, so all
 * gateway instances share them, under {@code request_rate_limiter.{<policy>.<key>}.tokens}. If Redis fails, {@link RedisRateLimiter} lets the request pass (fail open) and logs it.
 */
class RedisEdgeRateLimiter implements EdgeRateLimiter {

    private final RedisRateLimiter redis;
    private final RateLimitProperties properties;

    RedisEdgeRateLimiter(RedisRateLimiter redis, RateLimitProperties properties) {
        this.redis = redis;
        this.properties = properties;
        properties.policies().forEach((name, policy) -> redis.getConfig().put(name, new RedisRateLimiter.Config()
                .setReplenishRate(policy.replenishRate())
                .setBurstCapacity(policy.burstCapacity())
                .setRequestedTokens(policy.requestedTokens())));
    }

    @Override
    public Mono<Decision> acquire(String policy, String key) {
        RateLimitProperties.Policy limits = properties.policy(policy);
        return redis.isAllowed(policy, key)
                .map(response -> new Decision(response.isAllowed(), limits.retryAfterSeconds()));
    }
}
