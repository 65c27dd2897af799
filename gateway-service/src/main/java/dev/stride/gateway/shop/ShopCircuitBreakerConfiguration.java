package dev.stride.gateway.shop;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/** The {@value #SHOP} circuit breaker of the {@code CircuitBreaker} route filter: time limit and opening rule. */
@Configuration(proxyBeanMethods = false)
class ShopCircuitBreakerConfiguration {

    static final String SHOP = "shop";

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> shopCircuitBreaker(ShopProperties shop) {
        return factory -> factory.configure(builder -> builder
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(shop.timeout()).cancelRunningFuture(true).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(Math.max(10, shop.minimumCalls()))
                        .minimumNumberOfCalls(shop.minimumCalls())
                        .failureRateThreshold(shop.failureRateThreshold())
                        .waitDurationInOpenState(shop.openDuration())
                        .permittedNumberOfCallsInHalfOpenState(2)
                        .build()),
                SHOP);
    }
}
