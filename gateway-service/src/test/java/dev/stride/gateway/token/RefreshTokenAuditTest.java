package dev.stride.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import dev.stride.gateway.AuditLog;
import dev.stride.gateway.account.IdentityTestBase;
import dev.stride.gateway.audit.SecurityAudit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

class RefreshTokenAuditTest extends IdentityTestBase {

    @Autowired
    private MeterRegistry meters;

    @RegisterExtension
    final AuditLog audit = new AuditLog();



    @Test
    void reuseOfARotatedTokenIsAuditedAndCountedWithoutTheToken() {
        Session user = newUser(uniqueEmail());
        double before = reuseCount();
        String next = (String) refresh(user.refreshToken()).expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody().get("refreshToken");

        refresh(user.refreshToken()).expectStatus().isUnauthorized();
        refresh(next).expectStatus().isUnauthorized();

        assertThat(reuseCount()).isEqualTo(before + 1);
        assertThat(audit.lines()).anySatisfy(line -> {
            assertThat(line.getFormattedMessage()).contains("\"event\":\"authn_token_reuse\"", "\"outcome\":\"failure\"",
                    "\"userId\":\"" + user.userId() + "\"", "\"reason\":\"family_revoked\"");
            assertThat(line.getLoggerName()).isEqualTo("audit");
        });
        assertThat(audit.lines()).allSatisfy(line -> assertThat(line.getFormattedMessage())
                .doesNotContain(user.refreshToken()).doesNotContain(next));
    }

    @Test
    void sessionsCarryTheirUserAgentAndFamily() {
        Session user = newUser(uniqueEmail());
        Map<String, Object> row = jdbc.sql("SELECT family_id, mfa FROM refresh_token WHERE user_id = :id")
                .param("id", user.userId()).query().singleRow();
        assertThat(claim(user.accessToken(), AccessTokenIssuer.SESSION_ID)).isEqualTo(row.get("family_id").toString());
        assertThat(row.get("mfa")).isEqualTo(false);
        assertThat(claim(user.accessToken(), AccessTokenIssuer.AMR)).isEqualTo(java.util.List.of("pwd"));
    }

    private double reuseCount() {
        Counter counter = meters.find(SecurityAudit.METRIC).tags("event", "authn_token_reuse", "outcome", "failure").counter();
        return counter == null ? 0 : counter.count();
    }
}
