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
import dev.stride.gateway.audit.SecurityAudit;
import dev.stride.gateway.routing.ClientIpResolver;
import dev.stride.gateway.web.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem details with the RFC 6750 {@code WWW-Authenticate: Bearer} challenge.
 * The challenge names the error class only; why a token failed (expired, wrong issuer...) is not
 * told to the caller; it is recorded in the audit log (event {@value #TOKEN_REJECTED} with a reason
 * from {@link TokenRejectionReasons}, or {@value #FORBIDDEN}) and counted in
 * {@code stride.security.events{event,outcome}} plus {@value #REJECTIONS_METRIC}{@code {reason}}
 * (a separate meter: Prometheus needs one tag-key set per meter name).
 */
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private static final String REALM = "realm=\"stride\"";

    static final String TOKEN_REJECTED = "token_rejected";
    static final String FORBIDDEN = "forbidden";
    static final String REJECTIONS_METRIC = "stride.security.token.rejections";

    private final ProblemWriter problems;
    private final SecurityAudit audit;
    private final MeterRegistry meters;
    private final ClientIpResolver clientIps;

    ProblemSecurityHandlers(ProblemWriter problems, SecurityAudit audit, MeterRegistry meters,
            ClientIpResolver clientIps) {
        this.problems = problems;
        this.audit = audit;
        this.meters = meters;
        this.clientIps = clientIps;
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
        String reason = TokenRejectionReasons.of(ex);
        // only a revoked token has a trustworthy subject (signature and claims checked); others stay anonymous
        RevocationCheckingJwtDecoder.RevokedTokenException revoked = TokenRejectionReasons.revoked(ex);
        java.util.UUID userId = revoked == null ? null : userId(revoked.userId()).orElse(null);
        audit.record(TOKEN_REJECTED, SecurityAudit.Outcome.FAILURE, userId, null,
                clientIps.clientIp(exchange.getRequest()), reason);
        Counter.builder(REJECTIONS_METRIC)
                .description("Requests refused at the gateway for a missing or invalid access token, by reason")
                .tag("reason", reason)
                .register(meters)
                .increment();
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED, detail, Map.of());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        String ip = clientIps.clientIp(exchange.getRequest());
        return exchange.getPrincipal()
                .map(principal -> userId(principal.getName()))
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(user -> {
                    audit.record(FORBIDDEN, SecurityAudit.Outcome.FAILURE, user.orElse(null), null, ip, "access_denied");
                    return forbidden(exchange);
                });
    }

    private static java.util.Optional<java.util.UUID> userId(String name) {
        try {
            return java.util.Optional.of(java.util.UUID.fromString(name));
        }
        catch (IllegalArgumentException ex) {
            return java.util.Optional.empty();
        }
    }

    private Mono<Void> forbidden(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer " + REALM
                + ", error=\"insufficient_scope\", error_description=\"The access token does not grant this operation\"");
        return problems.write(exchange, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                "The access token does not grant this operation.", Map.of());
    }
}
