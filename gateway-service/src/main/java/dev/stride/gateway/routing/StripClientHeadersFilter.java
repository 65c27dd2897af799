package dev.stride.gateway.routing;

import java.util.Locale;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Removes headers a client could use to impersonate a user or forge its origin before any request
 * is routed: {@code X-User-Id}, every {@code X-Forwarded-*}, {@code Forwarded}, {@code X-Real-IP}.
 * Services trust only the relayed, re-validated {@code Authorization} bearer token.
 */
@Component
class StripClientHeadersFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.headerNames().removeIf(StripClientHeadersFilter::untrusted))
                .build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    static boolean untrusted(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("x-user-id") || lower.startsWith("x-forwarded-") || lower.equals("forwarded")
                || lower.equals("x-real-ip");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
