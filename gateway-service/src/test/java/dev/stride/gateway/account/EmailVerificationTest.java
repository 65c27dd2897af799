package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.payload.EmailVerified;
import dev.stride.contracts.payload.NotificationRequested;

class EmailVerificationTest extends IdentityTestBase {

    @Test
    void registrationMailsASingleUseLinkStoredOnlyAsAHash() {
        Session user = newUser(uniqueEmail());

        NotificationRequested mail = awaitNotification(user.userId(), "email-verification");
        assertThat(mail.category()).isEqualTo("account");
        assertThat(mail.parameters()).containsEntry("name", "Runner").containsKey("verificationUrl");
        String link = mail.parameters().get("verificationUrl");
        assertThat(link).startsWith(StrideDefaults.ISSUER + "/api/v1/auth/verify-email?token=");
        String token = tokenOf(link);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        Map<String, Object> row = jdbc.sql("""
                SELECT id, EXTRACT(EPOCH FROM expires_at - created_at)::bigint AS lifetime FROM account_token
                WHERE user_id = :userId AND purpose = 'EMAIL_VERIFICATION' AND token_hash = sha256(convert_to(:token, 'UTF8'))
                """).param("userId", user.userId()).param("token", token).query().singleRow();
        assertThat(mail.idempotencyKey()).isEqualTo("email-verification:" + row.get("id"));
        assertThat(((Number) row.get("lifetime")).longValue()).isEqualTo(Duration.ofHours(24).toSeconds());
        assertThat(jdbc.sql("SELECT count(*) FROM account_token WHERE token_hash = convert_to(:token, 'UTF8')")
                .param("token", token).query(Long.class).single()).as("plain token never stored").isZero();
        assertThat(verified(user.userId())).isFalse();

        // the mail link (GET) verifies ...
        client().get().uri(uri -> uri.path("/api/v1/auth/verify-email").queryParam("token", token).build())
                .exchange().expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody().jsonPath("$.status").isEqualTo("email-verified");
        assertThat(verified(user.userId())).isTrue();
        EmailVerified event = codec.payload(awaitIdentityEvent(EventTypes.EMAIL_VERIFIED, user.userId()), EmailVerified.class);
        assertThat(event.userId()).isEqualTo(user.userId());

        // ... once: neither the GET nor the POST accept it again
        client().get().uri(uri -> uri.path("/api/v1/auth/verify-email").queryParam("token", token).build())
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.reason").isEqualTo("INVALID_TOKEN");
        post("/api/v1/auth/verify-email", Map.of("token", token)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.reason").isEqualTo("INVALID_TOKEN");
    }

    @Test
    void anExpiredLinkIsRefused() {
        Session user = newUser(uniqueEmail());
        String token = tokenOf(awaitNotification(user.userId(), "email-verification").parameters().get("verificationUrl"));
        jdbc.sql("UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = :userId")
                .param("userId", user.userId()).update();

        post("/api/v1/auth/verify-email", Map.of("token", token)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED").jsonPath("$.reason").isEqualTo("INVALID_TOKEN");
        assertThat(verified(user.userId())).isFalse();
    }

    @Test
    void garbageAndOtherPurposeTokensAreRefused() {
        post("/api/v1/auth/verify-email", Map.of("token", "A".repeat(43))).expectStatus().isBadRequest();
        post("/api/v1/auth/verify-email", Map.of("token", "../../etc/passwd")).expectStatus().isBadRequest();
        client().get().uri("/api/v1/auth/verify-email").exchange().expectStatus().isBadRequest();

        // a password-reset token is not a verification token
        Session user = newUser(uniqueEmail());
        post("/api/v1/auth/password-reset/request", Map.of("email", user.email())).expectStatus().isAccepted();
        String reset = tokenOf(awaitNotification(user.userId(), "password-reset").parameters().get("resetUrl"));
        post("/api/v1/auth/verify-email", Map.of("token", reset)).expectStatus().isBadRequest();
        assertThat(verified(user.userId())).isFalse();
    }

    @Test
    void registeringAnExistingVerifiedAddressTellsTheOwnerNotTheCaller() {
        String email = uniqueEmail();
        Session owner = newUser(email);
        String token = tokenOf(awaitNotification(owner.userId(), "email-verification").parameters().get("verificationUrl"));
        post("/api/v1/auth/verify-email", Map.of("token", token)).expectStatus().isOk();

        byte[] fresh = register(uniqueEmail(), GOOD_PASSWORD).expectStatus().isAccepted().expectBody().returnResult()
                .getResponseBody();
        byte[] existing = register(email, "someone else's password 7").expectStatus().isAccepted().expectBody()
                .returnResult().getResponseBody();
        assertThat(existing).isEqualTo(fresh);

        NotificationRequested notice = awaitNotification(owner.userId(), "password-reset");
        assertThat(notice.parameters()).containsEntry("reason", "registration-attempt");
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE email_index = (SELECT email_index FROM account WHERE id = :id)")
                .param("id", owner.userId()).query(Long.class).single()).isEqualTo(1);
        // the owner's single verification mail was not repeated
        List<NotificationRequested> verifications = notificationsNow(owner.userId(), "email-verification");
        assertThat(verifications).hasSize(1);
    }

    @Test
    void theVerificationEndpointsArePublicButNotTheAccountOnes() {
        client().post().uri("/api/v1/auth/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "x", "newPassword", "y")).exchange()
                .expectStatus().isUnauthorized().expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE);
    }

    private boolean verified(UUID userId) {
        return jdbc.sql("SELECT email_verified_at IS NOT NULL FROM account WHERE id = :id").param("id", userId)
                .query(Boolean.class).single();
    }

    private static final class StrideDefaults {
        static final String ISSUER = dev.stride.contracts.StrideClaims.DEFAULT_ISSUER;
    }
}
