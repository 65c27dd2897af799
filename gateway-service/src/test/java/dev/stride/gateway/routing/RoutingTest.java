package dev.stride.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.stride.gateway.GatewayTestBase;

class RoutingTest extends GatewayTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Test
    @SuppressWarnings("unchecked")
    void spoofableHeadersAreStrippedAndTheBearerTokenIsRelayed() {
        String token = accessToken();
        Map<String, Object> echo = client().get().uri("/api/v1/workouts?limit=5")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-User-Id", "admin")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=10.0.0.1;host=evil.example")
                .header("X-Real-IP", "10.0.0.1")
                .exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        Map<String, String> headers = (Map<String, String>) echo.get("headers");
        assertThat(echo.get("path")).isEqualTo("/api/v1/workouts");
        assertThat(headers).containsEntry("authorization", "Bearer " + token)
                .doesNotContainKeys("x-user-id", "forwarded", "x-real-ip", "x-forwarded-host");
        assertThat(headers.getOrDefault("x-forwarded-for", "")).doesNotContain("10.0.0.1");
    }

    @Test
    void everyPublicPrefixReachesItsService() {
        String token = accessToken();
        for (String path : new String[] { "/api/v1/athletes/me/stats", "/api/v1/gear", "/api/v1/social/feed",
                "/api/v1/offers", "/api/v1/marketing/preferences", "/api/v1/notifications" }) {
            client().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.path").isEqualTo(path);
        }
        // public: no token needed
        client().get().uri("/api/v1/notifications/unsubscribe?token=abc").exchange().expectStatus().isOk();
    }

    @Test
    void internalActuatorAndApiDocsOfServicesAreNotRouted() {
        String token = accessToken();
        int before = UPSTREAM.hits();
        for (String path : new String[] { "/internal/v1/anything", "/actuator/prometheus", "/v3/api-docs/workout",
                "/api/v2/workouts", "/nothing-here" }) {
            client().get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        }
        assertThat(UPSTREAM.hits()).isEqualTo(before);
    }

    @Test
    void encodedTraversalDoesNotReachInternalPaths() {
        String token = accessToken();
        int before = UPSTREAM.hits();
        for (String path : new String[] { "/api/v1/workouts/%2e%2e/%2e%2e/%2e%2e/internal/v1/x",
                "/api/v1/workouts/..%2f..%2f..%2finternal/v1/x", "/api/v1/workouts;/../../../internal/v1/x" }) {
            int status = client().get().uri(URI.create(baseUrl() + path))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectBody().returnResult().getStatus().value();
            assertThat(status).as(path).isBetween(400, 404);
        }
        assertThat(UPSTREAM.hits()).isEqualTo(before);
    }

    @Test
    void unroutedPathWithoutTokenIsStill401() {
        client().get().uri("/internal/v1/anything").exchange().expectStatus().isUnauthorized();
    }

    private String accessToken() {
        return (String) registerAndLogin(uniqueEmail(), GOOD_PASSWORD).get("accessToken");
    }
}
