package dev.stride.gateway.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import dev.stride.contracts.ErrorCode;
import dev.stride.contracts.StrideClaims;
import dev.stride.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * OAuth 2.0 token endpoint for services only: {@code grant_type=client_credentials} with the
 * client authenticated by HTTP Basic or form parameters, {@code audience} = the target service.
 * Errors are problem details that also carry the RFC 6749 {@code error} member.
 */
@RestController
class ClientCredentialsController {

    private final ServiceClients clients;
    private final AccessTokenIssuer issuer;

    ClientCredentialsController(ServiceClients clients, AccessTokenIssuer issuer) {
        this.clients = clients;
        this.issuer = issuer;
    }

    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> token(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> issue(exchange.getRequest().getHeaders(), form));
    }

    private ResponseEntity<Map<String, Object>> issue(HttpHeaders headers, MultiValueMap<String, String> form) {
        if (!"client_credentials".equals(single(form, "grant_type"))) {
            throw oauthError(ErrorCode.MALFORMED_REQUEST, "unsupported_grant_type",
                    "Only grant_type=client_credentials is supported.");
        }
        String[] credentials = credentials(headers, form);
        if (credentials == null || !clients.authenticate(credentials[0], credentials[1])) {
            HttpHeaders challenge = new HttpHeaders();
            challenge.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"stride\"");
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Client authentication failed.",
                    Map.of("error", "invalid_client"), challenge);
        }
        String audience = single(form, "audience");
        if (audience == null || !clients.isAudience(audience)) {
            throw oauthError(ErrorCode.MALFORMED_REQUEST, "invalid_target", "audience must name a Stride service.");
        }
        String scope = single(form, "scope");
        if (scope != null && !scope.equals(StrideClaims.SCOPE_INTERNAL)) {
            throw oauthError(ErrorCode.MALFORMED_REQUEST, "invalid_scope", "Only scope internal is available.");
        }
        AccessTokenIssuer.IssuedToken token = issuer.forService(credentials[0], audience);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.value());
        body.put("token_type", "Bearer");
        body.put("expires_in", token.expiresInSeconds());
        body.put("scope", StrideClaims.SCOPE_INTERNAL);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }

    /** client_id/secret from Basic (RFC 6749 §2.3.1: form-urlencoded then base64) or the form; not both. */
    private static String[] credentials(HttpHeaders headers, MultiValueMap<String, String> form) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        String formId = single(form, "client_id");
        String formSecret = single(form, "client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (formSecret != null) {
                throw oauthError(ErrorCode.MALFORMED_REQUEST, "invalid_request",
                        "Use one client authentication method, not two.");
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    return null;
                }
                return new String[] { URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
            }
            catch (IllegalArgumentException ex) {
                return null;
            }
        }
        if (formId != null && formSecret != null) {
            return new String[] { formId, formSecret };
        }
        return null;
    }

    private static String single(MultiValueMap<String, String> form, String name) {
        var values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw oauthError(ErrorCode.MALFORMED_REQUEST, "invalid_request", name + " must appear once.");
        }
        return values.get(0);
    }

    private static ApiException oauthError(ErrorCode code, String error, String detail) {
        return new ApiException(code, detail, Map.of("error", error), HttpHeaders.EMPTY);
    }
}
