package dev.stride.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Redis limiter when Redis is configured ({@code spring.data.redis.host} set and
 * {@code stride.ratelimit.redis} not false); otherwise the in-memory limiter, with a warning.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    EdgeRateLimiter edgeRateLimiter(RateLimitProperties properties, Environment environment,
            ObjectProvider<RedisRateLimiter> redis) {
        String host = environment.getProperty("spring.data.redis.host");
        RedisRateLimiter limiter = redis.getIfAvailable();
        if (properties.redis() && host != null && !host.isBlank() && limiter != null) {
            log.info("rate limits: Redis at {}", host);
            return new RedisEdgeRateLimiter(limiter, properties);
        }
        log.warn("rate limits: no Redis configured (spring.data.redis.host / stride.ratelimit.redis), "
                + "using per-instance in-memory buckets");
        return new LocalEdgeRateLimiter(properties);
    }

    /**
     * The gateway's token-bucket script comes from a classpath resource, and
     * {@code DefaultRedisScript} asks that resource whether it changed on every call, which opens
     * a jar URL per request (an eighth of the gateway's CPU under upload load). The script is the
     * same for the life of the process: it is read once and held as a string.
     */
    @Bean
    static BeanPostProcessor staticRateLimiterScript() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (RedisRateLimiter.REDIS_SCRIPT_NAME.equals(beanName) && bean instanceof RedisScript<?> script) {
                    return RedisScript.of(script.getScriptAsString(), script.getResultType());
                }
                return bean;
            }
        };
    }
}
