package dev.stride.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import dev.stride.contracts.StrideClaims;
import dev.stride.gateway.GatewayTestBase;

class WellKnownTest extends GatewayTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void jwksPublishesOnlyPublicRsaMembers() {
        Map<String, Object> jwks = client().get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
        // current key first, then the previous one of the rotation
        assertThat(keys).extracting(key -> key.get("kid")).containsExactly(gatewayJwk().getKeyID(), jwk(PREVIOUS_KEY).getKeyID());
        for (Map<String, Object> key : keys) {
            assertThat(key).containsEntry("kty", "RSA").containsEntry("alg", "RS256").containsEntry("use", "sig")
                    .containsKeys("n", "e")
                    .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "oth", "k");
            assertThat(key.keySet()).containsExactlyInAnyOrder("kty", "alg", "use", "kid", "n", "e");
        }
    }

    @Test
    void discoveryDocumentStatesOnlyWhatIsTrue() {
        client().get().uri("/.well-known/openid-configuration").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.issuer").isEqualTo(StrideClaims.DEFAULT_ISSUER)
                .jsonPath("$.jwks_uri").isEqualTo(StrideClaims.DEFAULT_ISSUER + "/.well-known/jwks.json")
                .jsonPath("$.token_endpoint").isEqualTo(StrideClaims.DEFAULT_ISSUER + "/oauth2/token")
                .jsonPath("$.grant_types_supported[0]").isEqualTo("client_credentials")
                .jsonPath("$.grant_types_supported.length()").isEqualTo(1)
                .jsonPath("$.id_token_signing_alg_values_supported").doesNotExist()
                .jsonPath("$.authorization_endpoint").doesNotExist();
    }
}
