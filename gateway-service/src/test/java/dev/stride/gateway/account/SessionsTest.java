package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class SessionsTest extends IdentityTestBase {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Test
    void aUserSeesAndEndsTheirSessions() {
        String email = uniqueEmail();
        register(email, GOOD_PASSWORD).expectStatus().isAccepted();
        Session phone = loginAs(email, "StrideApp/1.0 (Android)");
        Session laptop = loginAs(email, "Mozilla/5.0 (X11)");
        String rotatedPhone = (String) refresh(phone.refreshToken()).expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody().get("refreshToken");

        List<Map<String, Object>> sessions = sessions(laptop.accessToken());
        assertThat(sessions).hasSize(2);
        Map<String, Object> current = sessions.stream().filter(s -> Boolean.TRUE.equals(s.get("current"))).findFirst()
                .orElseThrow();
        assertThat(current).containsEntry("userAgent", "Mozilla/5.0 (X11)").containsKeys("createdAt", "lastUsedAt");
        Map<String, Object> other = sessions.stream().filter(s -> Boolean.FALSE.equals(s.get("current"))).findFirst()
                .orElseThrow();
        assertThat(other).containsEntry("userAgent", "StrideApp/1.0 (Android)");

        // someone else cannot end it
        Session stranger = newUser(uniqueEmail());
        call(HttpMethod.DELETE, "/api/v1/auth/sessions/" + other.get("id"), stranger.accessToken(), null)
                .expectStatus().isNotFound();
        refresh(rotatedPhone).expectStatus().isOk();

        call(HttpMethod.DELETE, "/api/v1/auth/sessions/" + other.get("id"), laptop.accessToken(), null)
                .expectStatus().isNoContent();
        assertThat(sessions(laptop.accessToken())).hasSize(1);
        call(HttpMethod.DELETE, "/api/v1/auth/sessions/" + other.get("id"), laptop.accessToken(), null)
                .expectStatus().isNotFound();
        call(HttpMethod.DELETE, "/api/v1/auth/sessions/" + UUID.randomUUID(), laptop.accessToken(), null)
                .expectStatus().isNotFound();
        refresh(laptop.refreshToken()).expectStatus().isOk();
        client().get().uri("/api/v1/auth/sessions").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aRevokedSessionsRefreshTokenIsRefused() {
        String email = uniqueEmail();
        register(email, GOOD_PASSWORD).expectStatus().isAccepted();
        Session first = loginAs(email, "first");
        Session second = loginAs(email, "second");
        Object firstId = sessions(first.accessToken()).stream().filter(s -> Boolean.TRUE.equals(s.get("current")))
                .findFirst().orElseThrow().get("id");

        call(HttpMethod.DELETE, "/api/v1/auth/sessions/" + firstId, second.accessToken(), null).expectStatus().isNoContent();
        refresh(first.refreshToken()).expectStatus().isUnauthorized();
        refresh(second.refreshToken()).expectStatus().isOk();
    }

    @Test
    void aRefreshTokenUnusedForTheIdleLifetimeIsRefused() {
        Session user = newUser(uniqueEmail());
        Session active = loginSession(user.email(), GOOD_PASSWORD);
        jdbc.sql("UPDATE refresh_token SET created_at = now() - interval '14 days 1 minute' WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
                .param("t", user.refreshToken()).update();
        jdbc.sql("UPDATE refresh_token SET created_at = now() - interval '13 days 23 hours' WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
                .param("t", active.refreshToken()).update();

        refresh(user.refreshToken()).expectStatus().isUnauthorized();
        refresh(active.refreshToken()).expectStatus().isOk();
        assertThat(sessions(active.accessToken())).hasSize(1);
    }

    private Session loginAs(String email, String userAgent) {
        Map<String, Object> tokens = client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.USER_AGENT, userAgent)
                .bodyValue(Map.of("email", email, "password", GOOD_PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        String access = (String) tokens.get("accessToken");
        return new Session(email, userIdOf(access), access, (String) tokens.get("refreshToken"));
    }

    private List<Map<String, Object>> sessions(String accessToken) {
        return client().get().uri("/api/v1/auth/sessions").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }
}
