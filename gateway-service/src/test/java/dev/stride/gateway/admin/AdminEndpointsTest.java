package dev.stride.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

import dev.stride.gateway.AuditLog;
import dev.stride.gateway.account.IdentityTestBase;

class AdminEndpointsTest extends IdentityTestBase {

    private static final String ADMIN_PASSWORD = "administrator passphrase 2026";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @RegisterExtension
    final AuditLog audit = new AuditLog();



    @Test
    void aUserGetsForbiddenOnEveryAdminEndpoint() {
        Session user = newUser(uniqueEmail());
        Session target = newUser(uniqueEmail());
        call(HttpMethod.GET, "/api/v1/admin/users", user.accessToken(), null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        call(HttpMethod.POST, "/api/v1/admin/users/" + target.userId() + "/lock", user.accessToken(), null)
                .expectStatus().isForbidden();
        call(HttpMethod.PUT, "/api/v1/admin/users/" + user.userId() + "/roles", user.accessToken(),
                Map.of("roles", List.of("USER", "ADMIN"))).expectStatus().isForbidden();
        call(HttpMethod.DELETE, "/api/v1/admin/users/" + target.userId() + "/sessions", user.accessToken(), null)
                .expectStatus().isForbidden();
        call(HttpMethod.GET, "/api/v1/admin/users", null, null).expectStatus().isUnauthorized();

        login(target.email(), GOOD_PASSWORD).expectStatus().isOk();
        assertThat(jdbc.sql("SELECT roles::text FROM account WHERE id = :id").param("id", user.userId())
                .query(String.class).single()).isEqualTo("{USER}");
    }

    @Test
    void anAdminMustEnrolAndUseTotpFirst() {
        Session admin = newAdmin(uniqueEmail());
        call(HttpMethod.GET, "/api/v1/admin/users", admin.accessToken(), null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.reason").isEqualTo("MFA_ENROLMENT_REQUIRED");

        Enrolment totp = enrolTotp(admin, ADMIN_PASSWORD);
        // the token of the password-only sign-in is not enough
        call(HttpMethod.GET, "/api/v1/admin/users", admin.accessToken(), null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.reason").isEqualTo("MFA_REQUIRED");

        String token = (String) loginWithCode(admin.email(), ADMIN_PASSWORD, totpCode(totp.secret(), 0))
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody().get("accessToken");
        call(HttpMethod.GET, "/api/v1/admin/users?size=5", token, null).expectStatus().isOk();
        assertThat(audit.lines()).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("\"event\":\"authz_admin_denied\"", "\"reason\":\"mfa_enrolment_required\"",
                        admin.userId().toString()));
    }

    @Test
    void anAdminFindsLocksUnlocksAssignsRolesAndEndsSessionsAllAudited() {
        String adminToken = readyAdminToken();
        UUID adminId = userIdOf(adminToken);
        Session target = newUser(uniqueEmail());

        List<Map<String, Object>> found = call(HttpMethod.GET, "/api/v1/admin/users?email=" + target.email().toUpperCase(),
                adminToken, null).expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
        assertThat(found).singleElement().satisfies(user -> {
            assertThat(user).containsEntry("id", target.userId().toString()).containsEntry("email", target.email())
                    .containsEntry("locked", false).containsEntry("roles", List.of("USER"));
            assertThat(user).doesNotContainKeys("passwordHash", "password_hash");
        });
        assertThat(call(HttpMethod.GET, "/api/v1/admin/users?email=" + uniqueEmail(), adminToken, null)
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody()).isEmpty();

        call(HttpMethod.POST, "/api/v1/admin/users/" + target.userId() + "/lock", adminToken, null).expectStatus().isOk()
                .expectBody().jsonPath("$.locked").isEqualTo(true);
        refresh(target.refreshToken()).expectStatus().isUnauthorized();
        login(target.email(), GOOD_PASSWORD).expectStatus().isUnauthorized();

        call(HttpMethod.POST, "/api/v1/admin/users/" + target.userId() + "/unlock", adminToken, null).expectStatus().isOk();
        Session again = loginSession(target.email(), GOOD_PASSWORD);

        call(HttpMethod.PUT, "/api/v1/admin/users/" + target.userId() + "/roles", adminToken,
                Map.of("roles", List.of("COACH"))).expectStatus().isOk()
                .expectBody().jsonPath("$.roles").isEqualTo(List.of("USER", "COACH"));
        call(HttpMethod.PUT, "/api/v1/admin/users/" + target.userId() + "/roles", adminToken,
                Map.of("roles", List.of("ROOT"))).expectStatus().isBadRequest();
        // role changes end the sessions, so the next tokens carry the new roles
        refresh(again.refreshToken()).expectStatus().isUnauthorized();
        Session coach = loginSession(target.email(), GOOD_PASSWORD);
        assertThat(claim(coach.accessToken(), "roles")).isEqualTo(List.of("USER", "COACH"));

        call(HttpMethod.DELETE, "/api/v1/admin/users/" + target.userId() + "/sessions", adminToken, null)
                .expectStatus().isNoContent();
        refresh(coach.refreshToken()).expectStatus().isUnauthorized();
        call(HttpMethod.POST, "/api/v1/admin/users/" + UUID.randomUUID() + "/lock", adminToken, null)
                .expectStatus().isNotFound();

        for (String event : List.of("authz_admin_list_users", "authz_admin_lock", "authz_admin_unlock", "authz_admin_roles",
                "authz_admin_revoke_sessions")) {
            assertThat(audit.lines()).as(event).anySatisfy(line -> assertThat(line.getFormattedMessage())
                    .contains("\"event\":\"" + event + "\"", "\"actorId\":\"" + adminId + "\""));
        }
        assertThat(audit.lines()).allSatisfy(line -> assertThat(line.getFormattedMessage()).doesNotContain(target.email()));
    }

    @Test
    void lockRoleChangeAndRevokingSessionsEndTheUsersAccessTokensAtOnce() {
        String adminToken = readyAdminToken();
        Session target = newUser(uniqueEmail());
        ownSessions(target.accessToken()).expectStatus().isOk();

        call(HttpMethod.POST, "/api/v1/admin/users/" + target.userId() + "/lock", adminToken, null).expectStatus().isOk();
        ownSessions(target.accessToken()).expectStatus().isUnauthorized();

        call(HttpMethod.POST, "/api/v1/admin/users/" + target.userId() + "/unlock", adminToken, null).expectStatus().isOk();
        Session again = loginSession(target.email(), GOOD_PASSWORD);
        ownSessions(again.accessToken()).expectStatus().isOk();
        call(HttpMethod.PUT, "/api/v1/admin/users/" + target.userId() + "/roles", adminToken,
                Map.of("roles", List.of("COACH"))).expectStatus().isOk();
        // a token still claiming the old roles is refused, not only its refresh token
        ownSessions(again.accessToken()).expectStatus().isUnauthorized();

        Session coach = loginSession(target.email(), GOOD_PASSWORD);
        ownSessions(coach.accessToken()).expectStatus().isOk();
        call(HttpMethod.DELETE, "/api/v1/admin/users/" + target.userId() + "/sessions", adminToken, null)
                .expectStatus().isNoContent();
        ownSessions(coach.accessToken()).expectStatus().isUnauthorized();
        call(HttpMethod.GET, "/api/v1/admin/users?size=1", adminToken, null).expectStatus().isOk();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec ownSessions(String accessToken) {
        return call(HttpMethod.GET, "/api/v1/auth/sessions", accessToken, null);
    }

    private Session newAdmin(String email) {
        register(email, ADMIN_PASSWORD).expectStatus().isAccepted();
        Session user = loginSession(email, ADMIN_PASSWORD);
        jdbc.sql("UPDATE account SET roles = ARRAY['USER', 'ADMIN'] WHERE id = :id").param("id", user.userId()).update();
        return loginSession(email, ADMIN_PASSWORD);
    }

    private String readyAdminToken() {
        Session admin = newAdmin(uniqueEmail());
        Enrolment totp = enrolTotp(admin, ADMIN_PASSWORD);
        return (String) loginWithCode(admin.email(), ADMIN_PASSWORD, totpCode(totp.secret(), 0)).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody().get("accessToken");
    }
}
