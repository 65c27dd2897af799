package dev.stride.kit.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * Calls another service's {@code /internal/**} API with a fresh service token, timeouts and one
 * circuit breaker per target service, so a slow or failing service degrades its callers quickly
 * instead of tying up their threads.
 */
public class InternalClient {

    private final RestClient http;
    private final ServiceTokens tokens;
    private final Map<String, String> baseUris;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
            .slidingWindowSize(20).minimumNumberOfCalls(5).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(10)).build();

    InternalClient(RestClient http, ServiceTokens tokens, Map<String, String> baseUris) {
        this.http = http;
        this.tokens = tokens;
        this.baseUris = baseUris;
    }

    /**
     * GET {@code path} (must start with /internal/) of {@code service}.
     *
     * @throws ServiceUnavailableException when the call fails, times out or the circuit is open
     */
    public <T> T get(String service, String path, Class<T> type) {
        return call(service, path, request -> request.get(path, type));
    }

    private <T> T call(String service, String path, Function<Request, T> work) {
        if (!path.startsWith("/internal/")) {
            throw new IllegalArgumentException("internal calls go to /internal/** only, not " + path);
        }
        String base = baseUris.get(service);
        if (base == null) {
            throw new IllegalStateException("no URI configured for " + service + " (stride.service.services."
                    + service + ")");
        }
        CircuitBreaker breaker = breakers.computeIfAbsent(service, name -> CircuitBreaker.of(name, breakerConfig));
        try {
            return breaker.executeSupplier(() -> work.apply(new Request(base, tokens.tokenFor(service))));
        }
        catch (CallNotPermittedException ex) {
            throw new ServiceUnavailableException(service + " is failing; calls are paused", ex);
        }
        catch (RuntimeException ex) {
            throw new ServiceUnavailableException(service + " did not answer: " + ex.getMessage(), ex);
        }
    }

    CircuitBreaker.State state(String service) {
        CircuitBreaker breaker = breakers.get(service);
        return breaker == null ? CircuitBreaker.State.CLOSED : breaker.getState();
    }

    private final class Request {

        private final String base;
        private final String token;

        Request(String base, String token) {
            this.base = base;
            this.token = token;
        }

        <T> T get(String path, Class<T> type) {
            return http.get().uri(base + path).header("Authorization", "Bearer " + token).retrieve().body(type);
        }
    }
}
