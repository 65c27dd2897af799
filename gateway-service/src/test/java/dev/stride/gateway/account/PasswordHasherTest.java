package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import dev.stride.contracts.ErrorCode;
import dev.stride.gateway.web.ApiException;

class PasswordHasherTest {

    @Test
    void hashesWithArgon2idAtTheOwaspMinimum() {
        PasswordHasher hasher = new PasswordHasher(new Semaphore(1), Duration.ofSeconds(1));
        String hash = hasher.hash("correct horse battery 42");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.matches("correct horse battery 42", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery 43", hash)).isFalse();
        assertThat(hasher.matches("correct horse battery 42", "{noop}correct horse battery 42")).isFalse();
    }

    @Test
    void whenAllPermitsAreTakenTheCallerGets503WithRetryAfterAndNoPermitLeaks() {
        Semaphore permits = new Semaphore(2);
        PasswordHasher hasher = new PasswordHasher(permits, Duration.ofMillis(50));
        permits.acquireUninterruptibly(2);

        assertThatThrownBy(() -> hasher.hash("correct horse battery 42"))
                .isInstanceOfSatisfying(ApiException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                    assertThat(ex.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
                });
        assertThatThrownBy(() -> hasher.burn("x")).isInstanceOf(ApiException.class);

        permits.release(2);
        assertThat(hasher.matches("a", hasher.hash("a"))).isTrue();
        assertThat(permits.availablePermits()).isEqualTo(2);
    }
}
