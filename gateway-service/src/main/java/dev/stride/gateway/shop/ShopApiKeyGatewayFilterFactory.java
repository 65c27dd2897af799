package dev.stride.gateway.shop;

import java.util.Map;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.stride.contracts.ErrorCode;
import dev.stride.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * {@code ShopApiKey} on the shop route: the user's credentials never leave Stride. Removes
 * {@code Authorization}, {@code Cookie} and {@code Proxy-Authorization} and sends the shop's
 * {@code X-Api-Key} from configuration instead (the key never appears in the route definition).
 * Without a configured key the shop is not called (503).
 */
@Component
class ShopApiKeyGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    static final String API_KEY_HEADER = "X-Api-Key";

    private final ShopProperties shop;

    ShopApiKeyGatewayFilterFactory(ShopProperties shop) {
        super(Object.class);
        this.shop = shop;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            if (shop.apiKey() == null || shop.apiKey().isBlank()) {
                return Mono.error(new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The shop is not available.",
                        Map.of(), HttpHeaders.EMPTY));
            }
            return chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
                headers.remove(HttpHeaders.AUTHORIZATION);
                headers.remove(HttpHeaders.PROXY_AUTHORIZATION);
                headers.remove(HttpHeaders.COOKIE);
                headers.set(API_KEY_HEADER, shop.apiKey());
            })).build());
        };
    }
}
