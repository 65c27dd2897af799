package dev.stride.workout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import dev.stride.contracts.Services;
import dev.stride.kit.security.HeaderCharacters;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestHttp.Response;
import dev.stride.kit.test.TestTokens;

/**
 * What every service does at its edge (service-kit wiring), proven on workout-service through the
 * real JWT decoder: the token attacks of the security checklist §3a that a resource server must
 * stop, and problem details for bad requests.
 */
@StrideServiceTest
class ServiceBoundaryTest {

    @LocalServerPort
    int port;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    TestHttp http;
    TestTokens tokens = TestTokens.get();
    UUID user = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        http = TestHttp.localhost(port);
    }

    private void assertRejected(String token) {
        Response response = http.get("/api/v1/workouts", token);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void theSecurityFiltersUseTheKitsRegexFreeStrictFirewall(@Autowired FilterChainProxy springSecurityFilterChain) {
        // Spring Security 7 registers a composite that delegates to the FilterChainProxy WebSecurity built
        Object proxy = ReflectionTestUtils.getField(springSecurityFilterChain, "springSecurityFilterChain");
        Object firewall = ReflectionTestUtils.getField(proxy, "firewall");
        assertThat(firewall).isInstanceOf(StrictHttpFirewall.class);
        assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderValues")).isSameAs(HeaderCharacters.VALUE);
        assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderNames")).isSameAs(HeaderCharacters.NAME);
        assertThat(http.get("/api/v1/workouts/%2e%2e/x", tokens.user(user)).status()).isEqualTo(400);
    }

    @Test
    void validUserTokenIsAccepted() {
        assertThat(http.get("/api/v1/workouts", tokens.user(user)).status()).isEqualTo(200);
    }

    @Test
    void missingTokenIsRejected() {
        assertRejected(null);
    }

    @Test
    void algNoneIsRejected() {
        assertRejected(new PlainJWT(TestTokens.userClaims(user, java.util.List.of("USER")).build()).serialize());
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() throws Exception {
        byte[] secret = tokens.key().toPublicJWK().toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(tokens.key().getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), TestTokens.userClaims(user, java.util.List.of("USER")).build());
        jwt.sign(new MACSigner(java.util.Arrays.copyOf(secret, Math.max(secret.length, 32))));
        assertRejected(jwt.serialize());
    }

    @Test
    void embeddedJwkFromAnAttackerIsNotTrusted() throws Exception {
        RSAKey attacker = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("evil").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("evil").jwk(attacker.toPublicJWK())
                .jwkURL(java.net.URI.create("http://127.0.0.1:1/jwks")).type(new JOSEObjectType("at+jwt")).build(),
                TestTokens.userClaims(user, java.util.List.of("USER")).build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(attacker));
        assertRejected(jwt.serialize());
    }

    @Test
    void hostileKidIsRejected() {
        assertRejected(tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("../../etc/passwd' or 1=1 --")
                .type(new JOSEObjectType("at+jwt")).build(), TestTokens.userClaims(user, java.util.List.of("USER")).build()));
    }

    @Test
    void expiredTokenIsRejected() {
        assertRejected(tokens.user(user, c -> c.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))))));
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
        assertRejected(tokens.user(user, c -> c.expirationTime(null)));
    }

    @Test
    void tokenNotYetValidIsRejected() {
        assertRejected(tokens.user(user, c -> c.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))));
    }

    @Test
    void wrongIssuerIsRejected() {
        assertRejected(tokens.user(user, c -> c.issuer("https://evil.example")));
    }

    @Test
    void missingOrForeignAudienceIsRejected() {
        assertRejected(tokens.user(user, c -> c.audience((String) null)));
        assertRejected(tokens.user(user, c -> c.audience("some-other-api")));
    }

    @Test
    void tokenWithoutAccessTokenTypeIsRejected() {
        assertRejected(tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(tokens.key().getKeyID()).build(),
                TestTokens.userClaims(user, java.util.List.of("USER")).build()));
        assertRejected(tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(tokens.key().getKeyID())
                .type(new JOSEObjectType("refresh+jwt")).build(), TestTokens.userClaims(user, java.util.List.of("USER")).build()));
    }

    @Test
    void tamperedPayloadIsRejected() {
        String[] parts = tokens.user(user).split("\\.");
        String other = tokens.user(UUID.randomUUID()).split("\\.")[1];
        assertRejected(parts[0] + "." + other + "." + parts[2]);
    }

    @Test
    void tokenInTheQueryStringIsIgnored() {
        Response response = http.get("/api/v1/workouts?access_token=" + tokens.user(user), null);
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void serviceTokenIsRejectedOnTheUserApi() {
        Response response = http.get("/api/v1/workouts", tokens.service(Services.SOCIAL, Services.WORKOUT));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void serviceTokenMintedForAnotherServiceIsRejected() {
        Response response = http.get("/internal/v1/users/" + user + "/workout-summary",
                tokens.service(Services.SOCIAL, Services.NOTIFICATION));
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void malformedJsonIsABadRequestWithoutInternals() {
        Response response = http.post("/api/v1/workouts", tokens.user(user), "{\"sport\": \"run\", ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertNoInternals(response);
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        Response response = http.get("/api/v1/nothing-here", tokens.user(user));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        Response response = http.send(http.request("/api/v1/workouts", tokens.user(user))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build());
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        Response response = http.send(http.request("/api/v1/workouts/" + UUID.randomUUID(), tokens.user(user))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.json().get("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void bodyOverTheLimitIsRefusedWithContentLength() {
        String big = "{\"title\": \"" + "x".repeat(300 * 1024) + "\"}";
        Response response = http.post("/api/v1/workouts", tokens.user(user), big);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedToo() {
        byte[] big = ("{\"title\": \"" + "x".repeat(300 * 1024) + "\"}").getBytes();
        HttpRequest request = http.request("/api/v1/workouts", tokens.user(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
        Response response = http.send(request);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void badPathVariableIsABadRequest() {
        Response response = http.get("/api/v1/workouts/not-a-uuid", tokens.user(user));
        assertThat(response.status()).isEqualTo(400);
        assertNoInternals(response);
    }

    @Test
    void actuatorServesHealthToAnyoneAndEverythingElseOnlyToAdmins() {
        TestHttp management = TestHttp.localhost(managementPort);
        assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(management.get("/actuator/prometheus", tokens.user(user)).status()).isEqualTo(403);
        assertThat(management.get("/actuator/metrics", tokens.service(Services.SOCIAL, Services.WORKOUT)).status())
                .isEqualTo(403);
        Response admin = management.send(management.request("/actuator/prometheus",
                tokens.user(user, java.util.List.of("ADMIN"))).setHeader("Accept", "text/plain").GET().build());
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("stride_outbox_sent_total");
    }

    @Test
    void actuatorIsNotServedOnTheApiPort() {
        assertThat(http.get("/actuator/prometheus", tokens.user(user, java.util.List.of("ADMIN"))).status())
                .isEqualTo(404);
    }

    private static void assertNoInternals(Response response) {
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("java.")
                .doesNotContain("tools.jackson");
    }
}
