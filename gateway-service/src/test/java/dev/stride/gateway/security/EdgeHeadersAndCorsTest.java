package dev.stride.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.stride.gateway.GatewayTestBase;
import dev.stride.gateway.routing.EdgeFixtures;

/** Hardening headers on every kind of response, no-store on auth responses, strict CORS. */
class EdgeHeadersAndCorsTest extends GatewayTestBase {

    private static void assertHardened(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().doesNotExist("Server");
    }

    @Test
    void routedResponsesAreHardenedEvenIfTheServiceSendsWeakerHeaders() {
        String token = (String) registerAndLogin(uniqueEmail(), GOOD_PASSWORD).get("accessToken");
        // the workout echo instances send "Content-Security-Policy: default-src *" and "Server: echo/1.0"
        WebTestClient.ResponseSpec routed = client().get().uri("/api/v1/workouts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk();
        assertHardened(routed);
        routed.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void problemsAndUnknownPathsAreHardened() {
        assertHardened(client().get().uri("/api/v1/workouts").exchange().expectStatus().isUnauthorized());
        assertHardened(client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isBadRequest());
    }

    @Test
    void authResponsesAreNeverCachedWhileTheKeySetMayBeBriefly() {
        String email = uniqueEmail();
        register(email, GOOD_PASSWORD).expectStatus().isAccepted()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
        WebTestClient.ResponseSpec login = login(email, GOOD_PASSWORD).expectStatus().isOk();
        login.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
        assertHardened(login);
        client().get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("max-age=300"));
    }

    @Test
    void aForeignOriginsPreflightIsRefusedWithoutCorsHeaders() {
        for (String origin : new String[] { "https://evil.example", "null", "https://app.stride.test.evil.example" }) {
            client().options().uri("/api/v1/workouts")
                    .header(HttpHeaders.ORIGIN, origin)
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        }
        // an actual cross-origin call from a foreign page is refused too, before it reaches a service
        int before = EdgeFixtures.WORKOUT_A.hits() + EdgeFixtures.WORKOUT_B.hits();
        client().post().uri("/api/v1/auth/login").header(HttpHeaders.ORIGIN, "https://evil.example")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", "a@b.c", "password", "x"))
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(EdgeFixtures.WORKOUT_A.hits() + EdgeFixtures.WORKOUT_B.hits()).isEqualTo(before);
    }

    @Test
    void theConfiguredAppOriginGetsExactlyItsOriginBackWithoutCredentials() {
        client().method(HttpMethod.OPTIONS).uri("/api/v1/workouts")
                .header(HttpHeaders.ORIGIN, EdgeFixtures.ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange()
                .expectStatus().is2xxSuccessful()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, EdgeFixtures.ALLOWED_ORIGIN)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, value -> assertThat(value).contains("POST"));
        client().get().uri("/.well-known/jwks.json").header(HttpHeaders.ORIGIN, EdgeFixtures.ALLOWED_ORIGIN).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, EdgeFixtures.ALLOWED_ORIGIN);
    }
}
