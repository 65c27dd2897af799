package dev.stride.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import dev.stride.contracts.StrideClaims;
import dev.stride.gateway.GatewayTestBase;

class ManagementPortTest extends GatewayTestBase {

    @Test
    void healthAndProbesArePublic() {
        managementClient().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        managementClient().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        managementClient().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        managementClient().get().uri("/actuator/info").exchange().expectStatus().isOk();
    }

    @Test
    void metricsNeedAnAdminToken() {
        managementClient().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
        String user = ForgedTokens.sign(gatewayJwk(), h -> { }, c -> { });
        managementClient().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + user).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        String admin = ForgedTokens.sign(gatewayJwk(), h -> { },
                c -> c.claim(StrideClaims.ROLES, java.util.List.of(StrideClaims.ROLE_USER, StrideClaims.ROLE_ADMIN)));
        managementClient().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()
                .expectStatus().isOk();
        managementClient().get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()
                .expectStatus().isOk();
    }

    @Test
    void actuatorIsNotOnThePublicPort() {
        // the public port does not know actuator paths: anonymous → 401 like any other path, with a token → 404
        client().get().uri("/actuator/health").exchange().expectStatus().isUnauthorized();
        String admin = ForgedTokens.sign(gatewayJwk(), h -> { },
                c -> c.claim(StrideClaims.ROLES, java.util.List.of(StrideClaims.ROLE_ADMIN)));
        for (String path : new String[] { "/actuator/health", "/actuator/prometheus", "/actuator/gateway/routes" }) {
            client().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()
                    .expectStatus().isNotFound();
        }
    }
}
