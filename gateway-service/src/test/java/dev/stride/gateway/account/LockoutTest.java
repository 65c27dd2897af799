package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.stride.gateway.AuditLog;
import dev.stride.gateway.audit.SecurityAudit;
import io.micrometer.core.instrument.MeterRegistry;

class LockoutTest extends IdentityTestBase {

    private static final String WRONG = "wrong password 12345";

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private LoginThrottle loginThrottle;

    @RegisterExtension
    final AuditLog audit = new AuditLog();



    @Test
    void afterFiveFailuresEvenTheRightPasswordGetsTheSameAnswerUntilTheDelayPasses() {
        String email = uniqueEmail();
        Session user = newUser(email);
        double lockoutsBefore = count("authn_login_lock", "failure");

        EntityExchangeResult<byte[]> wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = login(email, WRONG).expectStatus().isUnauthorized().expectBody().returnResult();
        }
        assertThat(jdbc.sql("SELECT failed_logins FROM account WHERE id = :id").param("id", user.userId())
                .query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT locked_until > now() FROM account WHERE id = :id").param("id", user.userId())
                .query(Boolean.class).single()).isTrue();

        EntityExchangeResult<byte[]> locked = login(email, GOOD_PASSWORD).expectStatus().isUnauthorized().expectBody()
                .returnResult();
        EntityExchangeResult<byte[]> unknown = login(uniqueEmail(), WRONG).expectStatus().isUnauthorized().expectBody()
                .returnResult();
        assertThat(locked.getResponseBody()).isEqualTo(wrong.getResponseBody());
        assertThat(unknown.getResponseBody()).isEqualTo(wrong.getResponseBody());
        assertThat(locked.getResponseHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo(wrong.getResponseHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
        assertThat(count("authn_login_lock", "failure")).isGreaterThan(lockoutsBefore);

        // the delay passes: the right password works and the count starts over
        jdbc.sql("UPDATE account SET locked_until = now() - interval '1 second' WHERE id = :id")
                .param("id", user.userId()).update();
        login(email, GOOD_PASSWORD).expectStatus().isOk();
        assertThat(jdbc.sql("SELECT failed_logins FROM account WHERE id = :id").param("id", user.userId())
                .query(Integer.class).single()).isZero();

        // audit lines carry ids and reasons, never the address or a password
        List<ILoggingEvent> lines = audit.lines().stream()
                .filter(line -> line.getFormattedMessage().contains(user.userId().toString())).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("\"event\":\"authn_login\"", "\"outcome\":\"failure\"", "\"reason\":\"bad_password\""));
        assertThat(lines).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("\"event\":\"authn_login_lock\"", "\"reason\":\"progressive_delay\""));
        assertThat(lines).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("\"event\":\"authn_login\"", "\"outcome\":\"success\""));
        assertThat(lines).anySatisfy(line -> assertThat(line.getKeyValuePairs())
                .anySatisfy(pair -> assertThat(pair.key).isEqualTo("userId")));
        assertThat(audit.lines()).allSatisfy(line -> assertThat(line.getFormattedMessage())
                .doesNotContain(email).doesNotContain(WRONG).doesNotContain(GOOD_PASSWORD));
    }

    @Test
    void theDelayGrowsExponentiallyUpToTheCap() {
        Session user = newUser(uniqueEmail());
        jdbc.sql("UPDATE account SET failed_logins = 7 WHERE id = :id").param("id", user.userId()).update();
        login(user.email(), WRONG).expectStatus().isUnauthorized();
        // 8 failures: 2^(8-5) = 8 s
        assertThat(delaySeconds(user)).isBetween(6.0, 8.5);

        jdbc.sql("UPDATE account SET failed_logins = 40, locked_until = NULL WHERE id = :id").param("id", user.userId()).update();
        login(user.email(), WRONG).expectStatus().isUnauthorized();
        assertThat(delaySeconds(user)).isBetween(15 * 60 - 3.0, 15 * 60 + 0.5);
    }

    @Test
    void theHundredthFailureSoftLocksUntilAPasswordReset() {
        Session user = newUser(uniqueEmail());
        jdbc.sql("UPDATE account SET failed_logins = 99 WHERE id = :id").param("id", user.userId()).update();
        login(user.email(), WRONG).expectStatus().isUnauthorized();
        assertThat(jdbc.sql("SELECT soft_locked_at IS NOT NULL FROM account WHERE id = :id").param("id", user.userId())
                .query(Boolean.class).single()).isTrue();

        // waiting does not help
        jdbc.sql("UPDATE account SET locked_until = NULL WHERE id = :id").param("id", user.userId()).update();
        login(user.email(), GOOD_PASSWORD).expectStatus().isUnauthorized();

        // the owner's existing session is not affected; a reset lifts the lock
        refresh(user.refreshToken()).expectStatus().isOk();
        post("/api/v1/auth/password-reset/request", Map.of("email", user.email())).expectStatus().isAccepted();
        String token = tokenOf(awaitNotification(user.userId(), "password-reset").parameters().get("resetUrl"));
        post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "recovered passphrase 55"))
                .expectStatus().isOk();
        login(user.email(), "recovered passphrase 55").expectStatus().isOk();
    }

    @Test
    void aWrongCurrentPasswordCountsLikeAFailedLogin() {
        Session user = newUser(uniqueEmail());
        for (int i = 0; i < 5; i++) {
            call(org.springframework.http.HttpMethod.POST, "/api/v1/auth/password", user.accessToken(),
                    Map.of("currentPassword", WRONG, "newPassword", "whatever passphrase 77")).expectStatus().isForbidden();
        }
        // locked now: even the right current password is refused the same way
        call(org.springframework.http.HttpMethod.POST, "/api/v1/auth/password", user.accessToken(),
                Map.of("currentPassword", GOOD_PASSWORD, "newPassword", "whatever passphrase 77"))
                .expectStatus().isForbidden().expectBody().jsonPath("$.reason").isEqualTo("REAUTHENTICATION_FAILED");
    }

    @Test
    void anAddressWithTooManyFailedLoginsGets429BeforeAnyPasswordIsChecked() {
        Session user = newUser(uniqueEmail());
        // the 49 earlier failures from this address (the test client is 127.0.0.1 or ::1)
        for (String local : List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
            for (int i = 0; i < 49; i++) {
                loginThrottle.failed(local);
            }
        }
        login(uniqueEmail(), WRONG).expectStatus().isUnauthorized();

        login(user.email(), GOOD_PASSWORD).expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "900")
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        assertThat(jdbc.sql("SELECT failed_logins FROM account WHERE id = :id").param("id", user.userId())
                .query(Integer.class).single()).isZero();
        assertThat(audit.lines()).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("\"event\":\"authn_login_throttle_ip\"", "\"reason\":\"ip_failures\""));

        loginThrottle.clear();
        login(user.email(), GOOD_PASSWORD).expectStatus().isOk();
    }

    private double delaySeconds(Session user) {
        return jdbc.sql("SELECT EXTRACT(EPOCH FROM locked_until - now())::float8 FROM account WHERE id = :id")
                .param("id", user.userId()).query(Double.class).single();
    }

    private double count(String event, String outcome) {
        var counter = meters.find(SecurityAudit.METRIC).tags("event", event, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
