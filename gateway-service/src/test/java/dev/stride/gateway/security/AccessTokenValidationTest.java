package dev.stride.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.RSAKey;

import dev.stride.contracts.Services;
import dev.stride.contracts.StrideClaims;
import dev.stride.gateway.GatewayTestBase;

/** Runs hand-made tokens through the gateway's real decoder (no mock JWT support). */
class AccessTokenValidationTest extends GatewayTestBase {

    private final RSAKey key = gatewayJwk();

    @Test
    void aCorrectTokenSignedWithTheGatewayKeyPasses() {
        // the positive control: every negative case below differs from this one in one aspect only
        get(ForgedTokens.sign(key, h -> { }, c -> { })).expectStatus().isOk();
    }

    @Test
    void tokenSignedWithThePreviousKeyStillPassesDuringRotation() {
        get(ForgedTokens.sign(jwk(PREVIOUS_KEY), h -> { }, c -> { })).expectStatus().isOk();
    }

    @Test
    void hmacTokenKeyedWithOurPublicKeyIsRejected() throws Exception {
        // RS256 -> HS256 confusion: MAC with the public key bytes anyone can fetch from the JWKS
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.HS256).keyID(key.getKeyID())
                        .type(new JOSEObjectType("at+jwt")).build(),
                ForgedTokens.validUserClaims().build());
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(key.toPublicKey().getEncoded()));
        assertRejected(jwt.serialize());
    }

    @Test
    void refreshTokenIsNoBearerToken() {
        String refresh = (String) registerAndLogin(uniqueEmail(), GOOD_PASSWORD).get("refreshToken");
        assertRejected(refresh);
    }

    @Test
    void noTokenIsA401ProblemWithABearerChallenge() {
        client().get().uri("/api/v1/workouts").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stride\"")
                .expectBody()
                .jsonPath("$.code").isEqualTo("UNAUTHORIZED")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void expiredTokenIsRejected() {
        Instant past = Instant.now().minusSeconds(3600);
        assertRejected(ForgedTokens.sign(key, h -> { },
                c -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(600)))));
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
        assertRejected(ForgedTokens.sign(key, h -> { }, c -> c.expirationTime(null)));
    }

    @Test
    void wrongIssuerIsRejected() {
        assertRejected(ForgedTokens.sign(key, h -> { }, c -> c.issuer("https://evil.example")));
    }

    @Test
    void wrongOrMissingAudienceIsRejected() {
        assertRejected(ForgedTokens.sign(key, h -> { }, c -> c.audience(List.of(Services.WORKOUT))));
        assertRejected(ForgedTokens.sign(key, h -> { }, c -> c.audience((String) null)));
    }

    @Test
    void serviceKindAndMissingKindAreRejected() {
        assertRejected(ForgedTokens.sign(key, h -> { }, c -> c.claim(StrideClaims.TOKEN_KIND, StrideClaims.KIND_SERVICE)));
        assertRejected(ForgedTokens.sign(key, h -> { }, c -> c.claim(StrideClaims.TOKEN_KIND, null)));
    }

    @Test
    void tokenOfAnotherTypeIsRejected() {
        assertRejected(ForgedTokens.sign(key, h -> h.type(JOSEObjectType.JWT), c -> { }));
        assertRejected(ForgedTokens.sign(key, h -> h.type(null), c -> { }));
    }

    @Test
    void tokenSignedByAnotherKeyWithOurKidIsRejected() {
        assertRejected(ForgedTokens.sign(ForgedTokens.foreignKeyWithKid(key.getKeyID()), h -> { }, c -> { }));
    }

    @Test
    void unsignedTokenIsRejected() {
        String valid = ForgedTokens.sign(key, h -> { }, c -> { });
        String payload = valid.split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(header + "." + payload + ".");
    }

    @Test
    void tamperedPayloadIsRejected() {
        String[] parts = ForgedTokens.sign(key, h -> { }, c -> { }).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"USER\"", "\"ADMIN\"");
        assertThat(claims).contains("ADMIN");
        assertRejected(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2]);
    }

    @Test
    void serviceTokenFromTheTokenEndpointIsRejectedAtTheApi() {
        String token = (String) client().post().uri("/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(h -> h.setBasicAuth(Services.WORKOUT, WORKOUT_SECRET))
                .bodyValue("grant_type=client_credentials&audience=" + Services.SOCIAL)
                .exchange().expectStatus().isOk()
                .expectBody(java.util.Map.class).returnResult().getResponseBody().get("access_token");
        assertRejected(token);
    }

    private WebTestClient.ResponseSpec get(String token) {
        return client().get().uri("/api/v1/workouts").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private void assertRejected(String token) {
        TokenRejections.assertRejected(UPSTREAM, () -> get(token));
    }
}
