package dev.stride.gateway.web;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every routed request waits on Redis twice (the revocation check and the rate limit). Lettuce
 * emits replies on its single connection event loop by default, so the rest of each request's
 * filter chain ran on that one thread, whatever the number of cores: under upload load it did
 * half of the gateway's work. With {@code publishOnScheduler} replies are emitted on Lettuce's
 * computation threads (one per core) and the event loop only does I/O.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer repliesOffTheEventLoop() {
        return options -> options.publishOnScheduler(true);
    }
}
