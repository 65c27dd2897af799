package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class TotpTest extends IdentityTestBase {

    @Test
    void enrolmentNeedsThePasswordAndAValidCode() {
        Session user = newUser(uniqueEmail());
        call(HttpMethod.POST, "/api/v1/auth/totp/enrolment", user.accessToken(), Map.of("password", "not my password 1"))
                .expectStatus().isForbidden();
        Map<String, Object> started = call(HttpMethod.POST, "/api/v1/auth/totp/enrolment", user.accessToken(),
                Map.of("password", GOOD_PASSWORD)).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        String secret = (String) started.get("secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat((String) started.get("otpauthUri")).startsWith("otpauth://totp/").contains("secret=" + secret)
                .contains("issuer=Stride").contains("period=30").contains("digits=6");
        byte[] stored = jdbc.sql("SELECT totp_secret_ciphertext FROM account WHERE id = :id").param("id", user.userId())
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);

        String wrong = totpCode(secret, 0).equals("000000") ? "111111" : "000000";
        call(HttpMethod.POST, "/api/v1/auth/totp/confirmation", user.accessToken(), Map.of("code", wrong))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.reason").isEqualTo("INVALID_CODE");
        // not enrolled yet: the password alone still signs in
        login(user.email(), GOOD_PASSWORD).expectStatus().isOk();

        List<?> codes = (List<?>) call(HttpMethod.POST, "/api/v1/auth/totp/confirmation", user.accessToken(),
                Map.of("code", totpCode(secret, 0))).expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody().get("recoveryCodes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT count(*) FROM totp_recovery_code WHERE user_id = :id AND used_at IS NULL")
                .param("id", user.userId()).query(Long.class).single()).isEqualTo(10);
        call(HttpMethod.POST, "/api/v1/auth/totp/enrolment", user.accessToken(), Map.of("password", GOOD_PASSWORD))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void onceEnrolledLoginNeedsACodeAndACodeWorksOnce() {
        Session user = newUser(uniqueEmail());
        Enrolment totp = enrolTotp(user, GOOD_PASSWORD);

        EntityExchangeResult<byte[]> missing = login(user.email(), GOOD_PASSWORD).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.mfa").isEqualTo("totp").returnResult();
        String wrong = totpCode(totp.secret(), 0).equals("123456") ? "654321" : "123456";
        EntityExchangeResult<byte[]> bad = loginWithCode(user.email(), GOOD_PASSWORD, wrong).expectStatus()
                .isUnauthorized().expectBody().returnResult();
        assertThat(bad.getResponseBody()).isEqualTo(missing.getResponseBody());
        // a wrong password with a valid code does not reveal anything about the code
        loginWithCode(user.email(), "not my password 1", totpCode(totp.secret(), 0)).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.mfa").doesNotExist();

        String code = totpCode(totp.secret(), 0);
        Map<String, Object> tokens = loginWithCode(user.email(), GOOD_PASSWORD, code).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(claim((String) tokens.get("accessToken"), "amr")).isEqualTo(List.of("pwd", "otp"));
        // the same code (same time step) is not accepted twice
        loginWithCode(user.email(), GOOD_PASSWORD, code).expectStatus().isUnauthorized();
        // the session keeps its second factor across refreshes
        Map<String, Object> refreshed = refresh((String) tokens.get("refreshToken")).expectStatus().isOk().expectBody(MAP)
                .returnResult().getResponseBody();
        assertThat(claim((String) refreshed.get("accessToken"), "amr")).isEqualTo(List.of("pwd", "otp"));
    }

    @Test
    void aRecoveryCodeWorksExactlyOnce() {
        Session user = newUser(uniqueEmail());
        Enrolment totp = enrolTotp(user, GOOD_PASSWORD);
        String recovery = totp.recoveryCodes().get(3);

        loginWithCode(user.email(), GOOD_PASSWORD, recovery.toUpperCase()).expectStatus().isOk();
        loginWithCode(user.email(), GOOD_PASSWORD, recovery).expectStatus().isUnauthorized();
        loginWithCode(user.email(), GOOD_PASSWORD, totp.recoveryCodes().get(4)).expectStatus().isOk();
        assertThat(jdbc.sql("SELECT count(*) FROM totp_recovery_code WHERE user_id = :id AND used_at IS NULL")
                .param("id", user.userId()).query(Long.class).single()).isEqualTo(8);
        // stored hashed only
        assertThat(jdbc.sql("SELECT count(*) FROM totp_recovery_code WHERE code_hash = convert_to(:c, 'UTF8')")
                .param("c", recovery).query(Long.class).single()).isZero();
    }

    @Test
    void deletionOfAnEnrolledAccountNeedsTheSecondFactorToo() {
        Session user = newUser(uniqueEmail());
        Enrolment totp = enrolTotp(user, GOOD_PASSWORD);
        call(HttpMethod.DELETE, "/api/v1/auth/account", user.accessToken(), Map.of("password", GOOD_PASSWORD))
                .expectStatus().isForbidden();
        call(HttpMethod.DELETE, "/api/v1/auth/account", user.accessToken(),
                Map.of("password", GOOD_PASSWORD, "totpCode", totp.recoveryCodes().get(0))).expectStatus().isNoContent();
    }
}
