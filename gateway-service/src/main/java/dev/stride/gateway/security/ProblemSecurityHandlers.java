package dev.stride.gateway.security;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import dev.stride.contracts.ErrorCode;
import dev.stride.gateway.web.ProblemWriter;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem details with the RFC 6750 {@code WWW-Authenticate: Bearer} challenge.
 * The challenge names the error class only; why a token failed (expired, wrong issuer...) is not
 * told to the caller.
 */
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private static final String REALM = "realm=\"stride\"";

    private final ProblemWriter problems;

    ProblemSecurityHandlers(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        String challenge;
        String detail;
        if (ex instanceof OAuth2AuthenticationException oauth) {
            challenge = "Bearer " + REALM + ", error=\"" + oauth.getError().getErrorCode()
                    + "\", error_description=\"The access token is invalid, expired or not meant for this API\"";
            detail = "The access token is invalid, expired or not meant for this API.";
        }
        else {
            challenge = "Bearer " + REALM;
            detail = "An access token is required.";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED, detail, Map.of());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer " + REALM
                + ", error=\"insufficient_scope\", error_description=\"The access token does not grant this operation\"");
        return problems.write(exchange, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                "The access token does not grant this operation.", Map.of());
    }
}
