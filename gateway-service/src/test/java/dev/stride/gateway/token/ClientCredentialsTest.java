package dev.stride.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.stride.contracts.Services;
import dev.stride.contracts.StrideClaims;
import dev.stride.gateway.GatewayTestBase;

class ClientCredentialsTest extends GatewayTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Test
    void basicAuthenticatedClientGetsAServiceTokenForTheAudience() throws Exception {
        Map<String, Object> body = token(h -> h.setBasicAuth(Services.WORKOUT, WORKOUT_SECRET),
                "grant_type=client_credentials&audience=" + Services.SOCIAL)
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 300);

        SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(claims.getAudience()).containsExactly(Services.SOCIAL);
        assertThat(claims.getSubject()).isEqualTo(Services.WORKOUT);
        assertThat(claims.getStringClaim(StrideClaims.SCOPE)).isEqualTo(StrideClaims.SCOPE_INTERNAL);
        assertThat(claims.getStringClaim(StrideClaims.TOKEN_KIND)).isEqualTo(StrideClaims.KIND_SERVICE);
        assertThat(claims.getIssuer()).isEqualTo(StrideClaims.DEFAULT_ISSUER);
        assertThat(claims.getExpirationTime().toInstant()).isBefore(Instant.now().plusSeconds(301));
    }

    @Test
    void formAuthenticatedClientIsAccepted() {
        token(h -> { }, "grant_type=client_credentials&client_id=" + Services.SOCIAL + "&client_secret=" + SOCIAL_SECRET
                + "&audience=" + Services.WORKOUT)
                .expectStatus().isOk();
    }

    @Test
    void wrongSecretUnknownClientAndMissingCredentialsAre401WithBasicChallenge() {
        assertInvalidClient(token(h -> h.setBasicAuth(Services.WORKOUT, SOCIAL_SECRET),
                "grant_type=client_credentials&audience=" + Services.SOCIAL));
        assertInvalidClient(token(h -> h.setBasicAuth(Services.MARKETING, WORKOUT_SECRET),
                "grant_type=client_credentials&audience=" + Services.SOCIAL));
        assertInvalidClient(token(h -> h.setBasicAuth("evil-service", "whatever-secret-123"),
                "grant_type=client_credentials&audience=" + Services.SOCIAL));
        assertInvalidClient(token(h -> { }, "grant_type=client_credentials&audience=" + Services.SOCIAL));
    }

    @Test
    void unknownAudienceIsInvalidTarget() {
        for (String audience : new String[] { "evil-service", Services.GATEWAY, StrideClaims.API_AUDIENCE }) {
            token(h -> h.setBasicAuth(Services.WORKOUT, WORKOUT_SECRET), "grant_type=client_credentials&audience=" + audience)
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.error").isEqualTo("invalid_target")
                    .jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
        }
    }

    @Test
    void otherGrantsAreRefused() {
        token(h -> h.setBasicAuth(Services.WORKOUT, WORKOUT_SECRET), "grant_type=password&audience=" + Services.SOCIAL)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("unsupported_grant_type");
    }

    private void assertInvalidClient(WebTestClient.ResponseSpec response) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"stride\"")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED")
                .jsonPath("$.error").isEqualTo("invalid_client")
                .jsonPath("$.access_token").doesNotExist();
    }

    private WebTestClient.ResponseSpec token(java.util.function.Consumer<HttpHeaders> headers, String form) {
        return client().post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(headers).bodyValue(form).exchange();
    }
}
