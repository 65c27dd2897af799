package dev.stride.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import dev.stride.gateway.web.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;

/** The revocation rule, the in-memory store used without Redis, and failing closed when Redis is down (unit). */
class AccessTokenRevocationsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AccessTokenRevocations local = new AccessTokenRevocations(new LocalRevocationStore(nanos::get),
            Duration.ofSeconds(1), meters);
    private final UUID user = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();

    @Test
    void aCutoffRefusesTokensIssuedUpToItsMillisecondAndNoLater() {
        Instant cutoff = Instant.parse("2026-11-26T10:00:00.500Z");
        local.revokeIssuedUpTo(user, cutoff);

        assertThat(revoked(user, session, cutoff.minusMillis(1))).isTrue();
        assertThat(revoked(user, session, cutoff)).isTrue();
        assertThat(revoked(user, session, cutoff.plusMillis(1))).isFalse();
        assertThat(revoked(UUID.randomUUID(), session, cutoff.minusSeconds(60))).as("another user").isFalse();
    }

    @Test
    void aCutoffIsNeverLoweredByAnOlderEvent() {
        Instant cutoff = Instant.parse("2026-11-26T10:00:00Z");
        local.revokeIssuedUpTo(user, cutoff);
        local.revokeIssuedUpTo(user, cutoff.minusSeconds(30));

        assertThat(revoked(user, session, cutoff.minusSeconds(1))).isTrue();
    }

    @Test
    void aDeniedSessionRefusesItsTokensWheneverIssuedButNotOtherSessions() {
        local.revokeSession(user, session);

        assertThat(revoked(user, session, Instant.now().plusSeconds(60))).isTrue();
        assertThat(revoked(user, UUID.randomUUID(), Instant.now())).isFalse();
    }

    @Test
    void inMemoryEntriesExpireAfterTheLongestTokenLifetimePlusSkew() {
        LocalRevocationStore store = new LocalRevocationStore(nanos::get);
        AccessTokenRevocations revocations = new AccessTokenRevocations(store, Duration.ofSeconds(1), meters);
        Instant issued = Instant.now();
        revocations.revokeSession(user, session);
        revocations.revokeIssuedUpTo(user, issued);

        nanos.addAndGet(Duration.ofMinutes(16).minusSeconds(1).toNanos());
        assertThat(revocations.isRevoked(user.toString(), null, issued.toEpochMilli()).block()).isTrue();
        assertThat(revocations.isRevoked(user.toString(), session.toString(), Long.MAX_VALUE).block()).isTrue();

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(revoked(revocations, user, session, issued)).isFalse();
        assertThat(store.size()).isZero();
        assertThat(RevocationStore.ENTRY_TTL).isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void withRedisDownTheCheckAndTheRecordingFailClosedWithA503() throws IOException {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", closedPort()));
        factory.afterPropertiesSet();
        factory.start();
        try {
            AccessTokenRevocations down = new AccessTokenRevocations(
                    new RedisRevocationStore(new ReactiveStringRedisTemplate(factory)), Duration.ofMillis(500), meters);

            Mono<Boolean> check = down.isRevoked(user.toString(), session.toString(), Instant.now().toEpochMilli());
            assertThatThrownBy(check::block).isInstanceOfSatisfying(ApiException.class, ex -> {
                assertThat(ex.status()).isEqualTo(503);
                assertThat(ex.headers().getFirst("Retry-After")).isEqualTo("5");
            });
            assertThatThrownBy(() -> down.revokeSession(user, session)).isInstanceOf(ApiException.class);
            assertThatThrownBy(() -> down.revokeIssuedUpTo(user, Instant.now())).isInstanceOf(ApiException.class);
            assertThat(meters.counter(AccessTokenRevocations.FAILURES_METRIC, "operation", "check").count()).isEqualTo(1);
            assertThat(meters.counter(AccessTokenRevocations.FAILURES_METRIC, "operation", "record").count()).isEqualTo(2);
        }
        finally {
            factory.destroy();
        }
    }

    private boolean revoked(UUID userId, UUID sessionId, Instant issuedAt) {
        return revoked(local, userId, sessionId, issuedAt);
    }

    private static boolean revoked(AccessTokenRevocations revocations, UUID userId, UUID sessionId, Instant issuedAt) {
        return Boolean.TRUE.equals(revocations.isRevoked(userId.toString(), sessionId.toString(), issuedAt.toEpochMilli())
                .block());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
