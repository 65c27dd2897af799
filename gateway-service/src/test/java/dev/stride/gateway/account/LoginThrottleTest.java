package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.stride.contracts.ErrorCode;
import dev.stride.gateway.web.ApiException;

class LoginThrottleTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void anAddressIsRefusedAfterTheLimitUntilTheWindowEnds() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), 1000, nanos::get);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("192.0.2.1")).isFalse();
            throttle.failed("192.0.2.1");
        }
        assertThat(throttle.blocked("192.0.2.1")).isTrue();
        assertThat(throttle.blocked("192.0.2.2")).isFalse();
        ApiException rejection = throttle.rejection();
        assertThat(rejection.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(rejection.headers().getFirst("Retry-After")).isEqualTo("900");

        // more failures do not extend the window
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        throttle.failed("192.0.2.1");
        assertThat(throttle.blocked("192.0.2.1")).isTrue();
        nanos.addAndGet(Duration.ofMinutes(5).toNanos() + 1);
        assertThat(throttle.blocked("192.0.2.1")).isFalse();
        assertThat(throttle.failures("192.0.2.1")).isZero();
    }

    @Test
    void theMapIsBounded() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), 100, nanos::get);
        for (int i = 0; i < 10_000; i++) {
            throttle.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(throttle.trackedAddresses()).isLessThanOrEqualTo(100);
    }

    @Test
    void unknownAddressesAreNotCounted() {
        LoginThrottle throttle = new LoginThrottle(1, Duration.ofMinutes(15), 100, nanos::get);
        throttle.failed(null);
        assertThat(throttle.blocked(null)).isFalse();
        assertThat(throttle.trackedAddresses()).isZero();
    }
}
