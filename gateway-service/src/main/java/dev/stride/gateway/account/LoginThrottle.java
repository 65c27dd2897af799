package dev.stride.gateway.account;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import dev.stride.contracts.ErrorCode;
import dev.stride.gateway.web.ApiException;

/**
 * First line against password spraying from one address: failed logins per client IP, counted in
 * a bounded in-memory map (entries expire {@code ipWindow} after an IP's first failure). Past
 * {@code ipMaxFailures} the IP gets 429 before any password is checked. Per instance only; the
 * Redis rate limiter in front covers the cluster.
 */
@Component
class LoginThrottle {

    private final Cache<String, AtomicInteger> failures;
    private final int maxFailures;
    private final Duration window;

    @Autowired
    LoginThrottle(IdentityProperties properties) {
        this(properties.ipMaxFailures(), properties.ipWindow(), properties.ipMaxTracked(), Ticker.systemTicker());
    }

    LoginThrottle(int maxFailures, Duration window, long maxTracked, Ticker ticker) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.failures = Caffeine.newBuilder().maximumSize(maxTracked).expireAfterWrite(window).ticker(ticker)
                .executor(Runnable::run).build();
    }

    boolean blocked(String ip) {
        if (ip == null) {
            return false;
        }
        AtomicInteger count = failures.getIfPresent(ip);
        return count != null && count.get() >= maxFailures;
    }

    /** 429 with Retry-After (the whole window: the count is not reset by waiting part of it). */
    ApiException rejection() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(window.toSeconds()));
        return new ApiException(ErrorCode.RATE_LIMITED, "Too many failed attempts; retry later.", Map.of(), headers);
    }

    void failed(String ip) {
        if (ip != null) {
            // compute keeps the write time of the first failure: the window is not extended by more failures
            failures.asMap().computeIfAbsent(ip, key -> new AtomicInteger()).incrementAndGet();
        }
    }

    int failures(String ip) {
        AtomicInteger count = failures.getIfPresent(ip);
        return count == null ? 0 : count.get();
    }

    /** Forgets every count (an operator's reset after an incident; tests start from a clean state). */
    void clear() {
        failures.invalidateAll();
    }

    long trackedAddresses() {
        failures.cleanUp();
        return failures.estimatedSize();
    }
}
