package dev.stride.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.stride.gateway.AuditLog;
import dev.stride.gateway.account.IdentityTestBase;
import dev.stride.gateway.token.AccessTokenIssuer;
import dev.stride.gateway.token.AccessTokenRevocations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Access tokens end with their session or their user's credentials, not only at {@code exp}:
 * real tokens from login/refresh through the real decoder, entries in the real Redis.
 */
class AccessTokenRevocationTest extends IdentityTestBase {

    private static final String NEW_PASSWORD = "the second passphrase 1984";
    /** Longest access-token lifetime (15 min) plus the validator's clock skew (60 s). */
    private static final Duration ENTRY_TTL = Duration.ofMinutes(16);

    @RegisterExtension
    final AuditLog audit = new AuditLog();

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @Autowired
    AccessTokenIssuer issuer;

    @Autowired
    AccessTokenRevocations revocations;

    @Test
    void afterLogoutTheSessionsAccessTokenIsRefusedWhileAnotherSessionOfTheUserWorks() {
        Session phone = newUser(uniqueEmail());
        Session laptop = loginSession(phone.email(), GOOD_PASSWORD);
        routed(phone.accessToken()).expectStatus().isOk();
        double revokedBefore = rejections("revoked");

        post("/api/v1/auth/logout", Map.of("refreshToken", phone.refreshToken())).expectStatus().isNoContent();

        assertRevoked(phone.accessToken());
        assertThat(rejections("revoked") - revokedBefore).isEqualTo(1);
        assertThat(audit.lines()).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("\"event\":\"token_rejected\"", "\"reason\":\"revoked\"", phone.userId().toString()));
        routed(laptop.accessToken()).expectStatus().isOk();
        call(HttpMethod.GET, "/api/v1/auth/sessions", laptop.accessToken(), null).expectStatus().isOk();
        assertExpiresWithTheLongestTokenLifetime(sessionKey(phone));
    }

    @Test
    void endingOneSessionRefusesItsAccessTokenButNotTheCallersOwn() {
        Session first = newUser(uniqueEmail());
        Session second = loginSession(first.email(), GOOD_PASSWORD);

        call(HttpMethod.DELETE, "/api/v1/auth/sessions/" + sid(first), second.accessToken(), null)
                .expectStatus().isNoContent();

        assertRevoked(first.accessToken());
        routed(second.accessToken()).expectStatus().isOk();
    }

    @Test
    void aReusedRefreshTokenRevokesTheAccessTokensOfItsFamily() {
        Session victim = newUser(uniqueEmail());
        Session otherDevice = loginSession(victim.email(), GOOD_PASSWORD);
        String rotatedAccess = (String) refresh(victim.refreshToken()).expectStatus().isOk().expectBody(MAP)
                .returnResult().getResponseBody().get("accessToken");
        routed(rotatedAccess).expectStatus().isOk();

        refresh(victim.refreshToken()).expectStatus().isUnauthorized();

        assertRevoked(rotatedAccess);
        assertRevoked(victim.accessToken());
        routed(otherDevice.accessToken()).expectStatus().isOk();
    }

    @Test
    void afterAPasswordChangeEveryOlderAccessTokenIsRefusedAndNewOnesWork() {
        Session user = newUser(uniqueEmail());
        Session otherDevice = loginSession(user.email(), GOOD_PASSWORD);

        call(HttpMethod.POST, "/api/v1/auth/password", user.accessToken(),
                Map.of("currentPassword", GOOD_PASSWORD, "newPassword", NEW_PASSWORD)).expectStatus().isOk();

        assertRevoked(user.accessToken());
        assertRevoked(otherDevice.accessToken());
        Session newLogin = loginSession(user.email(), NEW_PASSWORD);
        routed(newLogin.accessToken()).expectStatus().isOk();
        // the session that changed the password survives: its client refreshes once
        String refreshed = (String) refresh(user.refreshToken()).expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody().get("accessToken");
        routed(refreshed).expectStatus().isOk();
        assertExpiresWithTheLongestTokenLifetime(cutoffKey(user));
    }

    @Test
    void deletingTheAccountRefusesItsAccessTokensEvenOnRoutedCalls() {
        Session user = newUser(uniqueEmail());
        Session otherDevice = loginSession(user.email(), GOOD_PASSWORD);
        routed(otherDevice.accessToken()).expectStatus().isOk();

        call(HttpMethod.DELETE, "/api/v1/auth/account", user.accessToken(), Map.of("password", GOOD_PASSWORD))
                .expectStatus().isNoContent();

        // a routed call never asks the identity tables: without revocation the service would still be reached
        assertRevoked(otherDevice.accessToken());
        assertRevoked(user.accessToken());
    }

    @Test
    void aTokenIssuedAfterTheCutoffWorksEvenWithinTheSameSecond() {
        Session user = newUser(uniqueEmail());
        UUID session = UUID.fromString(sid(user));
        Instant cutoff = nowInsideASecond();

        revocations.revokeIssuedUpTo(user.userId(), cutoff);

        String justBefore = issuer.forUser(user.userId(), List.of("USER"), session, false, cutoff.minusMillis(1)).value();
        String atTheCutoff = issuer.forUser(user.userId(), List.of("USER"), session, false, cutoff).value();
        String justAfter = issuer.forUser(user.userId(), List.of("USER"), session, false, cutoff.plusMillis(1)).value();
        assertThat(claim(justBefore, "iat")).isEqualTo(claim(justAfter, "iat"));
        assertRevoked(user.accessToken());
        assertRevoked(justBefore);
        assertRevoked(atTheCutoff);
        routed(justAfter).expectStatus().isOk();
        // a later, earlier-dated event cannot lower the cutoff
        revocations.revokeIssuedUpTo(user.userId(), cutoff.minusSeconds(5));
        assertRevoked(justBefore);
    }

    @Test
    void aTokenWithoutSessionOrIssueTimeCannotBeRevokedSoItIsRefused() {
        var key = gatewayJwk();
        routed(ForgedTokens.sign(key, h -> { }, c -> { })).expectStatus().isOk();
        assertRejected(ForgedTokens.sign(key, h -> { }, c -> c.claim(AccessTokenIssuer.SESSION_ID, null)));
        // Spring fills a missing iat with exp - 1 s, which would outlive every cutoff; iat_ms cannot be filled in
        assertRejected(ForgedTokens.sign(key, h -> { }, c -> c.claim(AccessTokenIssuer.ISSUED_AT_MILLIS, null)));
        assertRejected(ForgedTokens.sign(key, h -> { }, c -> c.claim(AccessTokenIssuer.ISSUED_AT_MILLIS, "yesterday")));
    }

    /** Now, but not in the first or last millisecond of a second: tokens 1 ms either side share one iat. */
    private static Instant nowInsideASecond() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        while (now.getNano() == 0 || now.getNano() == 999_000_000) {
            Thread.onSpinWait();
            now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        return now;
    }

    private void assertRevoked(String accessToken) {
        assertRejected(accessToken);
    }

    private void assertRejected(String accessToken) {
        TokenRejections.assertRejected(UPSTREAM, () -> routed(accessToken));
    }

    /** A call routed to a service (the echo upstream): only the gateway stands between the token and the data. */
    private WebTestClient.ResponseSpec routed(String accessToken) {
        return call(HttpMethod.GET, "/api/v1/social/feed", accessToken, null);
    }

    private void assertExpiresWithTheLongestTokenLifetime(String key) {
        Duration ttl = redis.getExpire(key).block();
        assertThat(ttl).as("TTL of " + key).isNotNull().isPositive().isLessThanOrEqualTo(ENTRY_TTL)
                .isGreaterThan(ENTRY_TTL.minusMinutes(1));
    }

    private double rejections(String reason) {
        Counter counter = meters.find("stride.security.token.rejections").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String sid(Session session) {
        return (String) claim(session.accessToken(), AccessTokenIssuer.SESSION_ID);
    }

    private static String sessionKey(Session session) {
        return "stride:revoked:{" + session.userId() + "}:sid:" + sid(session);
    }

    private static String cutoffKey(Session session) {
        return "stride:revoked:{" + session.userId() + "}:issued-up-to";
    }
}
