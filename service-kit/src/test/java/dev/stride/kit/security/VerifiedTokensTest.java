package dev.stride.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private final MovableClock clock = new MovableClock();
    private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
    private final AtomicInteger verifications = new AtomicInteger();
    private final Set<String> forged = new HashSet<>();
    /** Stands for NimbusJwtDecoder: "verifies" the signature (refusing forged tokens), then validates. */
    private final JwtDecoder verifying = token -> {
        verifications.incrementAndGet();
        if (forged.contains(token)) {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }
        // issued when first seen, valid for 15 minutes
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("user")
                .issuedAt(clock.now).expiresAt(clock.now.plusSeconds(900)).build();
        if (timestamps.validate(jwt).hasErrors()) {
            throw new JwtValidationException("expired", timestamps.validate(jwt).getErrors());
        }
        return jwt;
    };
    private final VerifiedTokens tokens;

    VerifiedTokensTest() {
        timestamps.setClock(clock);
        tokens = new VerifiedTokens(verifying, timestamps, clock);
    }

    @Test
    void verifiesEachDistinctTokenOnce() {
        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        tokens.decode("token-a");
        clock.now = T0.plusSeconds(901);

        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired");
        assertThat(verifications).hasValue(1);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenThatFailsVerificationIsNeverRemembered() {
        forged.add("forged");

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void whenFullExpiredTokensAreDroppedFirst() {
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.decode("old-" + i);
        }
        clock.now = T0.plusSeconds(901);

        tokens.decode("new");

        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void whenFullOfValidTokensItStartsOver() {
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.decode("token-" + i);
        }

        assertThat(tokens.size()).isEqualTo(1);
        assertThat(verifications).hasValue(VerifiedTokens.MAX_ENTRIES + 1);
    }

    private static final class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
