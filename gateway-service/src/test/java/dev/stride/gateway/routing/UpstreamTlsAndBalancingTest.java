package dev.stride.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.stride.gateway.GatewayTestBase;

/**
 * Services over HTTPS with a certificate from the CA in {@code stride.tls.trust-store}, several
 * instances per service (round robin), and an upstream certified by another CA refused fast.
 */
class UpstreamTlsAndBalancingTest extends GatewayTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Test
    void requestsAreSpreadOverBothHttpsInstancesOfAService() {
        String token = (String) registerAndLogin(uniqueEmail(), GOOD_PASSWORD).get("accessToken");
        int a = EdgeFixtures.WORKOUT_A.hits();
        int b = EdgeFixtures.WORKOUT_B.hits();
        Set<Object> instances = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> echo = client().get().uri("/api/v1/athletes/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
            assertThat(echo.get("tls")).isEqualTo(true);
            assertThat(echo.get("path")).isEqualTo("/api/v1/athletes/me");
            instances.add(echo.get("instance"));
        }
        assertThat(instances).containsExactlyInAnyOrder("workout-a", "workout-b");
        assertThat(EdgeFixtures.WORKOUT_A.hits() - a).isGreaterThanOrEqualTo(2);
        assertThat(EdgeFixtures.WORKOUT_B.hits() - b).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUpstreamCertificateFromAnotherCaIsABadGatewayProblemNotAHang() {
        String token = (String) registerAndLogin(uniqueEmail(), GOOD_PASSWORD).get("accessToken");
        Instant start = Instant.now();
        client().get().uri("/test-probe/rogue/anything").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContainIgnoringCase("certificate"));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(EdgeFixtures.ROGUE.hits()).isZero();
    }
}
