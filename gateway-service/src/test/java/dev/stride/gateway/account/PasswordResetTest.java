package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.stride.contracts.payload.NotificationRequested;

class PasswordResetTest extends IdentityTestBase {

    private static final String NEW_PASSWORD = "a brand new passphrase 2026";

    @Test
    void theRequestLooksTheSameForKnownAndUnknownAddresses() {
        Session user = newUser(uniqueEmail());

        long start = System.nanoTime();
        EntityExchangeResult<byte[]> known = post("/api/v1/auth/password-reset/request", Map.of("email", user.email()))
                .expectBody().returnResult();
        Duration knownTime = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        EntityExchangeResult<byte[]> unknown = post("/api/v1/auth/password-reset/request", Map.of("email", uniqueEmail()))
                .expectBody().returnResult();
        Duration unknownTime = Duration.ofNanos(System.nanoTime() - start);

        assertThat(known.getStatus().value()).isEqualTo(202);
        assertThat(unknown.getStatus().value()).isEqualTo(202);
        assertThat(unknown.getResponseBody()).isEqualTo(known.getResponseBody());
        assertThat(new String(known.getResponseBody())).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(unknown.getResponseHeaders().getContentType()).isEqualTo(known.getResponseHeaders().getContentType());
        assertThat(unknown.getResponseHeaders().getContentLength()).isEqualTo(known.getResponseHeaders().getContentLength());
        // both answers wait for the enumeration floor, so the database work of the real account does not show
        assertThat(knownTime).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(unknownTime).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        NotificationRequested mail = awaitNotification(user.userId(), "password-reset");
        assertThat(mail.category()).isEqualTo("account");
        assertThat(mail.parameters()).containsEntry("expiresInMinutes", "30").containsEntry("reason", "requested");
        assertThat(mail.parameters().get("resetUrl")).contains("/reset-password?token=");
        assertThat(jdbc.sql("""
                SELECT EXTRACT(EPOCH FROM expires_at - created_at)::bigint FROM account_token
                WHERE user_id = :userId AND purpose = 'PASSWORD_RESET'
                """).param("userId", user.userId()).query(Long.class).single()).isEqualTo(30 * 60);
    }

    @Test
    void confirmSetsThePasswordOnceAndEndsEverySession() {
        Session user = newUser(uniqueEmail());
        Session otherDevice = loginSession(user.email(), GOOD_PASSWORD);
        post("/api/v1/auth/password-reset/request", Map.of("email", user.email())).expectStatus().isAccepted();
        String token = tokenOf(awaitNotification(user.userId(), "password-reset").parameters().get("resetUrl"));

        // a refused password leaves the link usable
        post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "too short"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("WEAK_PASSWORD")
                .jsonPath("$.reason").isEqualTo("TOO_SHORT");
        post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "Password2024!"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("WEAK_PASSWORD")
                .jsonPath("$.reason").isEqualTo("COMMON_PASSWORD");

        post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD))
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody().jsonPath("$.status").isEqualTo("password-changed");

        refresh(user.refreshToken()).expectStatus().isUnauthorized();
        refresh(otherDevice.refreshToken()).expectStatus().isUnauthorized();
        login(user.email(), GOOD_PASSWORD).expectStatus().isUnauthorized();
        login(user.email(), NEW_PASSWORD).expectStatus().isOk();

        // single use
        post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "yet another passphrase 99"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.reason").isEqualTo("INVALID_TOKEN");
        login(user.email(), NEW_PASSWORD).expectStatus().isOk();

        NotificationRequested changed = awaitNotification(user.userId(), "password-changed");
        assertThat(changed.parameters()).containsEntry("name", "Runner");
        assertThat(changed.idempotencyKey()).startsWith("password-changed:");
    }

    @Test
    void anExpiredResetLinkIsRefused() {
        Session user = newUser(uniqueEmail());
        post("/api/v1/auth/password-reset/request", Map.of("email", user.email())).expectStatus().isAccepted();
        String token = tokenOf(awaitNotification(user.userId(), "password-reset").parameters().get("resetUrl"));
        jdbc.sql("UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = :userId AND purpose = 'PASSWORD_RESET'")
                .param("userId", user.userId()).update();

        post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", NEW_PASSWORD))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.reason").isEqualTo("INVALID_TOKEN");
        login(user.email(), GOOD_PASSWORD).expectStatus().isOk();
    }

    @Test
    void aVerificationTokenDoesNotResetThePassword() {
        Session user = newUser(uniqueEmail());
        String verification = tokenOf(awaitNotification(user.userId(), "email-verification").parameters().get("verificationUrl"));
        post("/api/v1/auth/password-reset/confirm", Map.of("token", verification, "newPassword", NEW_PASSWORD))
                .expectStatus().isBadRequest();
        login(user.email(), GOOD_PASSWORD).expectStatus().isOk();
    }
}
