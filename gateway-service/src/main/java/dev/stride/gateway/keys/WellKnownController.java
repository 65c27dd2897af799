package dev.stride.gateway.keys;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.contracts.StrideClaims;
import dev.stride.gateway.security.SecurityProperties;

/** Public key discovery for the services that validate Stride tokens. */
@RestController
class WellKnownController {

    private final SigningKeys keys;
    private final SecurityProperties security;

    WellKnownController(SigningKeys keys, SecurityProperties security) {
        this.keys = keys;
        this.security = security;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        // toJSONObject() of the public set: JWKSet.toJSONObject(true) strips private members.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.publicJwkSet().toJSONObject(true));
    }

    /**
     * Authorization-server metadata (RFC 8414 fields, served at the OIDC discovery path that
     * resource servers look up). Only what is true: no ID tokens, no authorization endpoint; the
     * token endpoint serves client credentials for services only.
     */
    @GetMapping(path = "/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> configuration() {
        String base = security.publicBaseUrl();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", security.issuer());
        body.put("jwks_uri", base + "/.well-known/jwks.json");
        body.put("token_endpoint", base + "/oauth2/token");
        body.put("grant_types_supported", List.of("client_credentials"));
        body.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        body.put("scopes_supported", List.of(StrideClaims.SCOPE_INTERNAL));
        body.put("access_token_signing_alg_values_supported", List.of("RS256"));
        return body;
    }
}
