package dev.stride.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Takes one request's tokens from the bucket {@code policy:key}. */
public interface EdgeRateLimiter {

    Mono<Decision> acquire(String policy, String key);

    /** @param retryAfterSeconds when refused, how long until a retry can succeed */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }
}
