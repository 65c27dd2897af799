package dev.stride.gateway.token;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Revocations in Redis when Redis is configured ({@code spring.data.redis.host} set), shared by
 * every gateway instance; otherwise in this instance's memory, with a warning (same rule as the
 * rate limiter, but without an opt-out: with Redis configured, a per-instance denylist would let
 * a revoked token through every other instance).
 */
@Configuration(proxyBeanMethods = false)
class RevocationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RevocationConfiguration.class);

    @Bean
    AccessTokenRevocations accessTokenRevocations(Environment environment,
            ObjectProvider<ReactiveStringRedisTemplate> redis, MeterRegistry meters,
            @Value("${stride.tokens.revocation-timeout:PT1S}") Duration timeout) {
        String host = environment.getProperty("spring.data.redis.host");
        ReactiveStringRedisTemplate template = redis.getIfAvailable();
        RevocationStore store;
        if (host != null && !host.isBlank() && template != null) {
            log.info("access-token revocations: Redis at {} (fail closed)", host);
            store = new RedisRevocationStore(template);
        }
        else {
            log.warn("access-token revocations: no Redis configured (spring.data.redis.host), using this "
                    + "instance's memory; other gateway instances will not see revocations made here");
            store = new LocalRevocationStore();
        }
        return new AccessTokenRevocations(store, timeout, meters);
    }
}
