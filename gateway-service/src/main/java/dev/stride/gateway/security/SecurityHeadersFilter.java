package dev.stride.gateway.security;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Hardening headers on every response of the public port, set (not merely added) just before the
 * response is committed, so they also cover routed responses, problem details and 404s, and an
 * upstream cannot weaken them:
 * HSTS (1 year, includeSubDomains), {@code nosniff}, {@code Referrer-Policy: no-referrer},
 * {@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'} (the API serves no
 * active content), {@code X-Frame-Options: DENY}. Auth and token responses get
 * {@code Cache-Control: no-store}; any other response without a cache policy of its own too
 * (health data must not land in shared caches). The JWKS/discovery documents keep the short
 * public max-age set by their controller (public keys only).
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String CSP = "default-src 'none'; frame-ancestors 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value().toLowerCase(Locale.ROOT);
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Strict-Transport-Security", HSTS);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", CSP);
            headers.set("X-Frame-Options", "DENY");
            headers.remove("Server");
            headers.remove("X-Powered-By");
            if (noStore(path)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                headers.set(HttpHeaders.PRAGMA, "no-cache");
                headers.remove(HttpHeaders.EXPIRES);
            }
            else if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static boolean noStore(String path) {
        return path.startsWith("/api/v1/auth/") || path.equals("/api/v1/auth") || path.startsWith("/oauth2/")
                || path.startsWith("/api/v1/shop/");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
