package dev.stride.gateway.account;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.stride.contracts.ErrorCode;
import dev.stride.gateway.web.ApiException;

/**
 * Argon2id (m=19 MiB, t=2, p=1: the OWASP minimum) behind a semaphore. Each hash holds 19 MiB, so
 * a flood of logins or registrations queues briefly and then gets 503 with Retry-After instead of
 * exhausting the heap. Callers run on boundedElastic: this class blocks.
 */
@Component
class PasswordHasher {

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
    private final Semaphore permits;
    private final Duration acquireTimeout;
    private final String dummyHash;

    @Autowired
    PasswordHasher(@Value("${stride.security.hashing.max-concurrent:4}") int maxConcurrent,
            @Value("${stride.security.hashing.acquire-timeout:PT2S}") Duration acquireTimeout) {
        this(new Semaphore(maxConcurrent, true), acquireTimeout);
    }

    PasswordHasher(Semaphore permits, Duration acquireTimeout) {
        this.permits = permits;
        this.acquireTimeout = acquireTimeout;
        this.dummyHash = encoder.encode("a-password-nobody-has-" + System.nanoTime());
    }

    String hash(String normalizedPassword) {
        return bounded(() -> encoder.encode(normalizedPassword));
    }

    boolean matches(String normalizedPassword, String hash) {
        // A hash that is not argon2 (legacy {noop}... rows) never matches.
        return bounded(() -> hash != null && hash.startsWith("$argon2id$") && encoder.matches(normalizedPassword, hash));
    }

    /** Spends the same work as a real check so that unknown accounts answer in similar time. */
    void burn(String normalizedPassword) {
        bounded(() -> encoder.matches(normalizedPassword, dummyHash));
    }

    private <T> T bounded(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "2");
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Too many requests are being processed; retry shortly.",
                    Map.of(), headers);
        }
        try {
            return work.get();
        }
        finally {
            permits.release();
        }
    }
}
