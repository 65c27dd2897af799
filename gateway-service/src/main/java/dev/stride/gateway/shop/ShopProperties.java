package dev.stride.gateway.shop;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The external shop behind {@code /api/v1/shop/**} ({@code stride.shop.*}).
 *
 * @param baseUrl            {@code STRIDE_SHOP_BASE_URL}, e.g. {@code https://shop.example}; locally the simulator
 * @param apiKey             {@code STRIDE_SHOP_API_KEY}; sent as {@code X-Api-Key}; without it the proxy answers 503
 * @param timeout            whole-call time limit (circuit breaker time limiter)
 * @param failureRateThreshold percentage of failed calls (5xx, timeouts, connection errors) that opens the circuit
 * @param minimumCalls       calls in the sliding window before the failure rate is evaluated
 * @param openDuration       how long an open circuit answers 503 without calling the shop
 */
@ConfigurationProperties("stride.shop")
public record ShopProperties(String baseUrl, String apiKey, Duration timeout, Integer failureRateThreshold,
        Integer minimumCalls, Duration openDuration) {

    public ShopProperties {
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        failureRateThreshold = failureRateThreshold == null ? 50 : failureRateThreshold;
        minimumCalls = minimumCalls == null ? 5 : minimumCalls;
        openDuration = openDuration == null ? Duration.ofSeconds(30) : openDuration;
    }

    @Override
    public String toString() {
        return "ShopProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "***") + "]";
    }
}
