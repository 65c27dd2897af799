package dev.stride.gateway.ratelimit;

import java.util.Locale;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.stride.gateway.routing.ClientIpResolver;
import reactor.core.publisher.Mono;

/**
 * Per client IP limits on the public auth endpoints the gateway serves itself. Runs before Spring
 * Security and before the controllers, so a flood is refused before any password hashing or
 * database work. Login, registration and password reset use the stricter {@value RateLimitProperties#LOGIN}
 * policy; every other {@code /api/v1/auth/**} call and {@code /oauth2/token} use {@value RateLimitProperties#AUTH}.
 */
@Component
class AuthEndpointRateLimitFilter implements WebFilter, org.springframework.core.Ordered {

    /** After the CORS filter, before Spring Security (-100). */
    static final int ORDER = -200;

    private final EdgeRateLimiter limiter;
    private final ClientIpResolver clientIps;
    private final RateLimitRejections rejections;

    AuthEndpointRateLimitFilter(EdgeRateLimiter limiter, ClientIpResolver clientIps, RateLimitRejections rejections) {
        this.limiter = limiter;
        this.clientIps = clientIps;
        this.rejections = rejections;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (HttpMethod.OPTIONS.equals(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        String policy = policyFor(exchange.getRequest().getPath().pathWithinApplication().value());
        if (policy == null) {
            return chain.filter(exchange);
        }
        String ip = clientIps.clientIp(exchange.getRequest());
        return limiter.acquire(policy, ip).flatMap(decision -> decision.allowed() ? chain.filter(exchange)
                : rejections.reject(exchange, policy, ip, null, decision.retryAfterSeconds()));
    }

    static String policyFor(String rawPath) {
        String path = rawPath.toLowerCase(Locale.ROOT);
        if (path.equals("/oauth2/token") || path.startsWith("/oauth2/token/")) {
            return RateLimitProperties.AUTH;
        }
        if (!path.startsWith("/api/v1/auth/") && !path.equals("/api/v1/auth")) {
            return null;
        }
        if (path.startsWith("/api/v1/auth/login") || path.startsWith("/api/v1/auth/register")
                || path.contains("reset") || path.contains("forgot")) {
            return RateLimitProperties.LOGIN;
        }
        return RateLimitProperties.AUTH;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
