package dev.stride.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LocalEdgeRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimitProperties properties = new RateLimitProperties(false,
            Map.of("login", new RateLimitProperties.Policy(5, 10, 1), "slow", new RateLimitProperties.Policy(1, 60, 60)));
    private final LocalEdgeRateLimiter limiter = new LocalEdgeRateLimiter(properties, now::get);

    private boolean allowed(String policy, String key) {
        return limiter.acquire(policy, key).block().allowed();
    }

    @Test
    void aBurstIsAllowedThenRefusedUntilTokensReplenish() {
        for (int i = 0; i < 10; i++) {
            assertThat(allowed("login", "203.0.113.1")).as("request %d", i).isTrue();
        }
        EdgeRateLimiter.Decision refused = limiter.acquire("login", "203.0.113.1").block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        // another client and another policy have their own buckets
        assertThat(allowed("login", "203.0.113.2")).isTrue();
        assertThat(allowed("api", "203.0.113.1")).isTrue();
        now.addAndGet(200_000_000L); // 0.2 s at 5/s = 1 token
        assertThat(allowed("login", "203.0.113.1")).isTrue();
        assertThat(allowed("login", "203.0.113.1")).isFalse();
    }

    @Test
    void limitsBelowOnePerSecondUseRequestedTokensAndAnnounceTheWait() {
        assertThat(allowed("slow", "k")).isTrue();
        EdgeRateLimiter.Decision refused = limiter.acquire("slow", "k").block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(60);
    }

    @Test
    void defaultsAreStricterOnLoginThanOnTheApi() {
        RateLimitProperties defaults = new RateLimitProperties(null, null);
        assertThat(defaults.redis()).isTrue();
        assertThat(defaults.policy("login").replenishRate()).isEqualTo(5);
        assertThat(defaults.policy("login").burstCapacity()).isEqualTo(10);
        assertThat(defaults.policy("api").burstCapacity()).isGreaterThan(defaults.policy("login").burstCapacity());
    }

    @Test
    void publicAuthEndpointsMapToPolicies() {
        assertThat(AuthEndpointRateLimitFilter.policyFor("/api/v1/auth/login")).isEqualTo("login");
        assertThat(AuthEndpointRateLimitFilter.policyFor("/api/v1/auth/register")).isEqualTo("login");
        assertThat(AuthEndpointRateLimitFilter.policyFor("/api/v1/auth/password-reset")).isEqualTo("login");
        assertThat(AuthEndpointRateLimitFilter.policyFor("/API/V1/AUTH/LOGIN")).isEqualTo("login");
        assertThat(AuthEndpointRateLimitFilter.policyFor("/api/v1/auth/refresh")).isEqualTo("auth");
        assertThat(AuthEndpointRateLimitFilter.policyFor("/oauth2/token")).isEqualTo("auth");
        assertThat(AuthEndpointRateLimitFilter.policyFor("/api/v1/workouts")).isNull();
    }
}
