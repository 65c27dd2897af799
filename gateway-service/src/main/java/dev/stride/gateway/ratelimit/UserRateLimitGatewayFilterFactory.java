package dev.stride.gateway.ratelimit;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;

import dev.stride.gateway.routing.ClientIpResolver;
import reactor.core.publisher.Mono;

/**
 * {@code UserRateLimit=<policy>} on routes: one bucket per user (the access token's {@code sub},
 * already validated by Spring Security) or, on the few public routes, per client IP.
 */
@Component
public class UserRateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<UserRateLimitGatewayFilterFactory.Config> {

    private final EdgeRateLimiter limiter;
    private final ClientIpResolver clientIps;
    private final RateLimitRejections rejections;
    private final RateLimitProperties properties;

    UserRateLimitGatewayFilterFactory(EdgeRateLimiter limiter, ClientIpResolver clientIps,
            RateLimitRejections rejections, RateLimitProperties properties) {
        super(Config.class);
        this.limiter = limiter;
        this.clientIps = clientIps;
        this.rejections = rejections;
        this.properties = properties;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("policy");
    }

    @Override
    public GatewayFilter apply(Config config) {
        String policy = config.getPolicy() == null ? RateLimitProperties.API : config.getPolicy();
        properties.policy(policy); // fail at startup on an unknown policy
        return (exchange, chain) -> exchange.getPrincipal()
                .map(Principal::getName)
                .map(sub -> "user:" + sub)
                .defaultIfEmpty("")
                .flatMap(key -> {
                    String ip = clientIps.clientIp(exchange.getRequest());
                    String bucket = key.isEmpty() ? "ip:" + ip : key;
                    return limiter.acquire(policy, bucket).flatMap(decision -> decision.allowed()
                            ? chain.filter(exchange)
                            : rejections.reject(exchange, policy, ip, userId(key), decision.retryAfterSeconds()));
                });
    }

    private static UUID userId(String key) {
        if (!key.startsWith("user:")) {
            return null;
        }
        try {
            return UUID.fromString(key.substring("user:".length()));
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    public static class Config {

        private String policy;

        public String getPolicy() {
            return policy;
        }

        public void setPolicy(String policy) {
            this.policy = policy;
        }
    }
}
