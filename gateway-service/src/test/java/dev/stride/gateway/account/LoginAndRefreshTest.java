package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.stride.contracts.StrideClaims;
import dev.stride.gateway.GatewayTestBase;

class LoginAndRefreshTest extends GatewayTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Test
    void loginIssuesAnAccessTokenAsSpecified() throws Exception {
        Map<String, Object> tokens = registerAndLogin(uniqueEmail(), GOOD_PASSWORD);
        assertThat(tokens).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 600);
        assertThat((String) tokens.get("refreshToken")).matches("[A-Za-z0-9_-]{43}");

        SignedJWT jwt = SignedJWT.parse((String) tokens.get("accessToken"));
        String jwks = client().get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        RSAKey key = JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) key.toPublicKey()))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(StrideClaims.DEFAULT_ISSUER);
        assertThat(claims.getAudience()).containsExactly(StrideClaims.API_AUDIENCE);
        assertThat(jwt.getPayload().toJSONObject().get("aud")).isInstanceOf(List.class);
        assertThat(claims.getSubject()).matches("[0-9a-f-]{36}");
        assertThat(claims.getStringListClaim(StrideClaims.ROLES)).containsExactly("USER");
        assertThat(claims.getStringClaim(StrideClaims.TOKEN_KIND)).isEqualTo(StrideClaims.KIND_USER);
        assertThat(claims.getJWTID()).isNotBlank();
        Instant iat = claims.getIssueTime().toInstant();
        Instant exp = claims.getExpirationTime().toInstant();
        assertThat(iat).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
        assertThat(exp.getEpochSecond() - iat.getEpochSecond()).isEqualTo(600);

        // and the gateway accepts it
        client().get().uri("/api/v1/workouts").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("accessToken"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void unknownEmailAndWrongPasswordLookTheSame() {
        String email = uniqueEmail();
        register(email, GOOD_PASSWORD).expectStatus().isAccepted();

        byte[] wrongPassword = login(email, "wrong password 123").expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stride\"")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED").returnResult().getResponseBody();
        byte[] unknownEmail = login(uniqueEmail(), "wrong password 123").expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stride\"")
                .expectBody().returnResult().getResponseBody();

        assertThat(unknownEmail).isEqualTo(wrongPassword);
    }

    @Test
    void loginNormalizesTheEmailAndThePassword() {
        String email = uniqueEmail();
        register(email, "Cafe\u0301 au lait 12345").expectStatus().isAccepted();
        login("  " + email.toUpperCase() + " ", "Caf\u00e9 au lait 12345").expectStatus().isOk();
    }

    @Test
    void aLegacyPlainTextHashNeverMatches() throws Exception {
        String email = uniqueEmail();
        Map<String, Object> tokens = registerAndLogin(email, GOOD_PASSWORD);
        String userId = SignedJWT.parse((String) tokens.get("accessToken")).getJWTClaimsSet().getSubject();
        assertThat(jdbc.sql("UPDATE account SET password_hash = '{noop}' || :pw WHERE id = CAST(:id AS uuid)")
                .param("pw", GOOD_PASSWORD).param("id", userId).update()).isEqualTo(1);
        login(email, GOOD_PASSWORD).expectStatus().isUnauthorized();
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        Map<String, Object> login = registerAndLogin(uniqueEmail(), GOOD_PASSWORD);
        String first = (String) login.get("refreshToken");

        Map<String, Object> rotated = refresh(first).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        String second = (String) rotated.get("refreshToken");
        assertThat(second).isNotEqualTo(first);
        assertThat((String) rotated.get("accessToken")).isNotEqualTo(login.get("accessToken"));
        assertThat(rotated).containsEntry("tokenType", "Bearer");

        Map<String, Object> again = refresh(second).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        String third = (String) again.get("refreshToken");

        // replay of an already used token: refused, and the newest token of the family dies with it
        refresh(first).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
        refresh(third).expectStatus().isUnauthorized();

        // the database holds the family's tokens as SHA-256 hashes only, the newest one revoked
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_token WHERE token_hash = sha256(convert_to(:t, 'UTF8')) AND revoked_at IS NOT NULL")
                .param("t", third).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_token WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
                .param("t", first).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_token WHERE token_hash = convert_to(:t, 'UTF8')")
                .param("t", first).query(Long.class).single()).as("plain token never stored").isZero();
    }

    @Test
    void concurrentRefreshesOfOneTokenHaveExactlyOneWinner() throws Exception {
        String token = (String) registerAndLogin(uniqueEmail(), GOOD_PASSWORD).get("refreshToken");
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return client().post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("refreshToken", token)).exchange().expectBody().returnResult().getStatus().value();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var result : results) {
                statuses.add(result.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 401);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logoutRevokesTheFamily() {
        String email = uniqueEmail();
        Map<String, Object> login = registerAndLogin(email, GOOD_PASSWORD);
        String first = (String) login.get("refreshToken");
        String second = (String) refresh(first).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody()
                .get("refreshToken");
        Map<String, Object> otherDevice = login(email, GOOD_PASSWORD).expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody();

        client().post().uri("/api/v1/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", second)).exchange().expectStatus().isNoContent();

        refresh(second).expectStatus().isUnauthorized();
        refresh((String) otherDevice.get("refreshToken")).expectStatus().isOk();
    }

    @Test
    void garbageAndAccessTokensAreNotRefreshTokens() {
        Map<String, Object> login = registerAndLogin(uniqueEmail(), GOOD_PASSWORD);
        refresh("A".repeat(43)).expectStatus().isUnauthorized();
        refresh((String) login.get("accessToken")).expectStatus().isBadRequest();
        refresh("not a token").expectStatus().isUnauthorized();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec refresh(String token) {
        return client().post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", token)).exchange();
    }
}
