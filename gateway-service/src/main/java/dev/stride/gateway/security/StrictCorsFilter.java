package dev.stride.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.stride.contracts.ErrorCode;
import dev.stride.gateway.audit.SecurityAudit;
import dev.stride.gateway.routing.ClientIpResolver;
import dev.stride.gateway.routing.EdgeProperties;
import dev.stride.gateway.web.ProblemWriter;
import reactor.core.publisher.Mono;

/**
 * Strict CORS for the whole public port, before Spring Security: only the exact origins of
 * {@code stride.gateway.cors.allowed-origins} (never {@code *} or {@code null}) get
 * {@code Access-Control-Allow-Origin}; a cross-origin request (preflight or actual) from any
 * other origin is refused with a 403 problem and audited as {@code forbidden} (reason
 * {@code cors_origin}). Credentials (cookies) are not allowed cross-origin; tokens travel in
 * {@code Authorization}. Same-origin requests and clients that send no {@code Origin} (mobile
 * apps, services) are unaffected.
 */
@Component
class StrictCorsFilter implements WebFilter, Ordered {

    static final int ORDER = -300;

    private final CorsConfiguration configuration;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemWriter problems;
    private final SecurityAudit audit;
    private final ClientIpResolver clientIps;

    StrictCorsFilter(EdgeProperties edge, ProblemWriter problems, SecurityAudit audit, ClientIpResolver clientIps) {
        this.problems = problems;
        this.audit = audit;
        this.clientIps = clientIps;
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(edge.cors().allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "Idempotency-Key"));
        config.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER,
                HttpHeaders.WWW_AUTHENTICATE));
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofMinutes(10));
        this.configuration = config;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        boolean valid = processor.process(configuration, exchange);
        if (!valid) {
            exchange.getResponse().getHeaders().remove(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
            audit.record("forbidden", SecurityAudit.Outcome.FAILURE, null, null,
                    clientIps.clientIp(exchange.getRequest()), "cors_origin");
            return problems.write(exchange, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                    "Cross-origin request refused.", Map.of());
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())
                && HttpMethod.OPTIONS.equals(exchange.getRequest().getMethod())) {
            exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
