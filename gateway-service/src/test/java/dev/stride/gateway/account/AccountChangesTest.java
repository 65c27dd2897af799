package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.payload.EmailChanged;
import dev.stride.contracts.payload.NotificationRequested;

class AccountChangesTest extends IdentityTestBase {

    private static final String NEW_PASSWORD = "the second passphrase 1984";

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        Session user = newUser(uniqueEmail());

        call(HttpMethod.POST, "/api/v1/auth/password", user.accessToken(),
                Map.of("currentPassword", "not my password 123", "newPassword", NEW_PASSWORD))
                .expectStatus().isForbidden().expectBody().jsonPath("$.reason").isEqualTo("REAUTHENTICATION_FAILED");
        call(HttpMethod.POST, "/api/v1/auth/password", user.accessToken(), Map.of("newPassword", NEW_PASSWORD))
                .expectStatus().isBadRequest();
        call(HttpMethod.POST, "/api/v1/auth/password", null,
                Map.of("currentPassword", GOOD_PASSWORD, "newPassword", NEW_PASSWORD))
                .expectStatus().isUnauthorized();

        login(user.email(), GOOD_PASSWORD).expectStatus().isOk();
        login(user.email(), NEW_PASSWORD).expectStatus().isUnauthorized();
    }

    @Test
    void aChangedPasswordEndsTheOtherSessionsAndTellsTheOwner() {
        Session user = newUser(uniqueEmail());
        Session otherDevice = loginSession(user.email(), GOOD_PASSWORD);

        call(HttpMethod.POST, "/api/v1/auth/password", user.accessToken(),
                Map.of("currentPassword", GOOD_PASSWORD, "newPassword", "short"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("WEAK_PASSWORD");
        call(HttpMethod.POST, "/api/v1/auth/password", user.accessToken(),
                Map.of("currentPassword", GOOD_PASSWORD, "newPassword", "qwertyuiopasdfgh"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("WEAK_PASSWORD")
                .jsonPath("$.reason").isEqualTo("COMMON_PASSWORD");
        call(HttpMethod.POST, "/api/v1/auth/password", user.accessToken(),
                Map.of("currentPassword", GOOD_PASSWORD, "newPassword", NEW_PASSWORD))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("password-changed");

        refresh(otherDevice.refreshToken()).expectStatus().isUnauthorized();
        refresh(user.refreshToken()).expectStatus().isOk();
        login(user.email(), GOOD_PASSWORD).expectStatus().isUnauthorized();
        login(user.email(), NEW_PASSWORD).expectStatus().isOk();
        NotificationRequested mail = awaitNotification(user.userId(), "password-changed");
        assertThat(mail.category()).isEqualTo("account");
        // notification-service needs both, else the request goes to its dead-letter topic
        assertThat(mail.parameters()).containsKeys("name", "changedAt");
    }

    @Test
    void anEmailChangeTakesEffectOnlyAfterTheNewAddressIsVerified() {
        Session user = newUser(uniqueEmail());
        String newEmail = uniqueEmail();

        call(HttpMethod.POST, "/api/v1/auth/email", user.accessToken(),
                Map.of("currentPassword", "not my password 123", "newEmail", newEmail))
                .expectStatus().isForbidden();
        call(HttpMethod.POST, "/api/v1/auth/email", user.accessToken(),
                Map.of("currentPassword", GOOD_PASSWORD, "newEmail", newEmail))
                .expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("verification-pending");

        // the old address is told, the new one gets the link
        NotificationRequested notice = awaitNotification(user.userId(), "email-changed");
        assertThat(notice.parameters()).doesNotContainKey("toAddress").containsKeys("name", "changedAt");
        NotificationRequested verification = awaitNotifications(user.userId(), "email-verification", 2).stream()
                .filter(request -> newEmail.equals(request.parameters().get("toAddress"))).findFirst().orElseThrow();
        String token = tokenOf(verification.parameters().get("verificationUrl"));

        // not yet: the blind index still points at the old address
        login(user.email(), GOOD_PASSWORD).expectStatus().isOk();
        login(newEmail, GOOD_PASSWORD).expectStatus().isUnauthorized();

        post("/api/v1/auth/verify-email", Map.of("token", token)).expectStatus().isOk();

        login(newEmail, GOOD_PASSWORD).expectStatus().isOk();
        login(user.email(), GOOD_PASSWORD).expectStatus().isUnauthorized();
        EmailChanged changed = codec.payload(awaitIdentityEvent(EventTypes.EMAIL_CHANGED, user.userId()), EmailChanged.class);
        assertThat(changed.email()).isEqualTo(newEmail);
        post("/api/v1/auth/verify-email", Map.of("token", token)).expectStatus().isBadRequest();
    }

    @Test
    void anAddressOfAnotherAccountIsNotTakenAndNotRevealed() {
        Session user = newUser(uniqueEmail());
        Session other = newUser(uniqueEmail());

        byte[] taken = call(HttpMethod.POST, "/api/v1/auth/email", user.accessToken(),
                Map.of("currentPassword", GOOD_PASSWORD, "newEmail", other.email()))
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody();
        byte[] free = call(HttpMethod.POST, "/api/v1/auth/email", user.accessToken(),
                Map.of("currentPassword", GOOD_PASSWORD, "newEmail", uniqueEmail()))
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody();
        assertThat(taken).isEqualTo(free);
        assertThat(jdbc.sql("SELECT count(*) FROM account_token WHERE user_id = :id AND purpose = 'EMAIL_CHANGE' AND used_at IS NULL")
                .param("id", user.userId()).query(Long.class).single()).isEqualTo(1);
        login(other.email(), GOOD_PASSWORD).expectStatus().isOk();
    }
}
