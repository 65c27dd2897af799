package dev.stride.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

import dev.stride.gateway.GatewayTestBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Rejections at the edge are audited (logger "audit", fixed reason codes, never the token) and
 * counted: stride.security.events{event,outcome} and stride.security.token.rejections{reason}.
 */
@ExtendWith(OutputCaptureExtension.class)
class EdgeAuditTest extends GatewayTestBase {

    @Autowired
    MeterRegistry meters;

    private double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private void expect401(String token) {
        client().get().uri("/api/v1/workouts").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void rejectedTokensAreAuditedByReasonWithoutTheToken(CapturedOutput output) {
        double events = count("stride.security.events", "event", "token_rejected", "outcome", "failure");
        double signature = count("stride.security.token.rejections", "reason", "signature");
        double expired = count("stride.security.token.rejections", "reason", "expired");
        double issuer = count("stride.security.token.rejections", "reason", "issuer");
        double missing = count("stride.security.token.rejections", "reason", "missing");

        String foreign = ForgedTokens.sign(ForgedTokens.foreignKeyWithKid(gatewayJwk().getKeyID()), h -> {
        }, c -> {
        });
        String stale = ForgedTokens.sign(gatewayJwk(), h -> {
        }, c -> c.issueTime(Date.from(Instant.now().minusSeconds(900)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600))));
        String wrongIssuer = ForgedTokens.sign(gatewayJwk(), h -> {
        }, c -> c.issuer("https://evil.example"));
        expect401(foreign);
        expect401(stale);
        expect401(wrongIssuer);
        client().get().uri("/api/v1/workouts").exchange().expectStatus().isUnauthorized();

        assertThat(count("stride.security.token.rejections", "reason", "signature") - signature).isEqualTo(1);
        assertThat(count("stride.security.token.rejections", "reason", "expired") - expired).isEqualTo(1);
        assertThat(count("stride.security.token.rejections", "reason", "issuer") - issuer).isEqualTo(1);
        assertThat(count("stride.security.token.rejections", "reason", "missing") - missing).isEqualTo(1);
        assertThat(count("stride.security.events", "event", "token_rejected", "outcome", "failure") - events).isEqualTo(4);

        assertThat(output.getOut()).contains("\"event\":\"token_rejected\"").contains("\"reason\":\"expired\"")
                .contains("\"ip\":\"127.0.0.1\"");
        for (String token : new String[] { foreign, stale, wrongIssuer }) {
            assertThat(output.getAll()).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }

    @Test
    void forbiddenRequestsAreAuditedWithTheUser(CapturedOutput output) {
        String token = (String) registerAndLogin(uniqueEmail(), GOOD_PASSWORD).get("accessToken");
        double forbidden = count("stride.security.events", "event", "forbidden", "outcome", "failure");
        managementClient().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isForbidden();
        assertThat(count("stride.security.events", "event", "forbidden", "outcome", "failure") - forbidden).isEqualTo(1);
        assertThat(output.getOut()).contains("\"event\":\"forbidden\"").contains("\"reason\":\"access_denied\"");
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void aForeignOriginIsAuditedAsForbidden(CapturedOutput output) {
        double forbidden = count("stride.security.events", "event", "forbidden", "outcome", "failure");
        client().options().uri("/api/v1/workouts").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET").exchange().expectStatus().isForbidden();
        assertThat(count("stride.security.events", "event", "forbidden", "outcome", "failure") - forbidden).isEqualTo(1);
        assertThat(output.getOut()).contains("\"reason\":\"cors_origin\"");
    }
}
