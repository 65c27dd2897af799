package dev.stride.gateway.shop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.stride.gateway.GatewayTestBase;
import dev.stride.gateway.routing.EdgeFixtures;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** The shop proxy against WireMock as the shop (docs/shop-api.md). */
class ShopProxyTest extends GatewayTestBase {

    private static final WireMockServer SHOP = EdgeFixtures.SHOP;
    private static final String PRODUCTS = "{\"items\":[{\"sku\":\"WT-PACE3-WHT\"}],\"page\":1}";

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    private String token;

    @BeforeEach
    void setUp() {
        SHOP.resetAll();
        closeCircuit();
        token = (String) registerAndLogin(uniqueEmail(), GOOD_PASSWORD).get("accessToken");
    }

    @AfterEach
    void closeCircuit() {
        circuitBreakers.getCircuitBreakerRegistry().find("shop").ifPresent(CircuitBreaker::reset);
    }

    @Test
    void theShopSeesTheApiKeyButNeverTheUsersToken() {
        SHOP.stubFor(get(urlPathEqualTo("/v1/catalog/products"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(PRODUCTS)));
        SHOP.stubFor(post(urlEqualTo("/v1/orders"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"ord_7f3c2a91\",\"status\":\"CONFIRMED\"}")));

        client().get().uri("/api/v1/shop/catalog/products?category=watches")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.COOKIE, "session=abc")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody().jsonPath("$.items[0].sku").isEqualTo("WT-PACE3-WHT");
        client().post().uri("/api/v1/shop/orders").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("items", java.util.List.of(Map.of("sku", "WT-PACE3-WHT", "quantity", 1))))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.id").isEqualTo("ord_7f3c2a91");

        SHOP.verify(getRequestedFor(urlEqualTo("/v1/catalog/products?category=watches"))
                .withHeader("X-Api-Key", equalTo(EdgeFixtures.SHOP_API_KEY))
                .withHeader(HttpHeaders.AUTHORIZATION, absent())
                .withHeader(HttpHeaders.COOKIE, absent()));
        SHOP.verify(postRequestedFor(urlEqualTo("/v1/orders")).withHeader("X-Api-Key", equalTo(EdgeFixtures.SHOP_API_KEY))
                .withHeader(HttpHeaders.AUTHORIZATION, absent()));
        // not even somewhere else in the request
        SHOP.getAllServeEvents().forEach(event -> assertThat(event.getRequest().toString()).doesNotContain(token));
    }

    @Test
    void theShopNeedsAUserTokenAndOnlyItsApiIsReachable() {
        client().get().uri("/api/v1/shop/catalog/products").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/v1/shop/__admin/requests").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isNotFound();
        SHOP.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theShopsErrorsBecomeStrideProblems() {
        SHOP.stubFor(get(urlEqualTo("/v1/catalog/products/NOPE")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://shop.example/problems/product-not-found\",\"internal\":\"shop-db-7\"}")));
        SHOP.stubFor(get(urlEqualTo("/v1/orders/ord_1")).willReturn(aResponse().withStatus(500)
                .withBody("java.lang.NullPointerException at ShopOrders.java:42")));
        SHOP.stubFor(get(urlEqualTo("/v1/orders/ord_2")).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "ApiKey header=\"X-Api-Key\"")));

        client().get().uri("/api/v1/shop/catalog/products/NOPE").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.internal").doesNotExist()
                .jsonPath("$.type").isEqualTo("about:blank");
        client().get().uri("/api/v1/shop/orders/ord_1").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isEqualTo(502)
                .expectBody(String.class).value(body -> assertThat(body).contains("\"code\":\"SERVICE_UNAVAILABLE\"")
                        .doesNotContain("NullPointerException"));
        // the shop refusing our key is our problem, not the user's: no 401 towards the user
        client().get().uri("/api/v1/shop/orders/ord_2").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isEqualTo(502)
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void aSlowShopTripsTheTimeout() {
        SHOP.stubFor(get(urlPathEqualTo("/v1/catalog/products"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4000).withBody(PRODUCTS)));
        Instant start = Instant.now();
        client().get().uri("/api/v1/shop/catalog/products").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isEqualTo(504)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(Duration.between(start, Instant.now())).as("stride.shop.timeout=PT1S").isLessThan(Duration.ofMillis(3500));
    }

    @Test
    void anOpenCircuitAnswers503AtOnceWithoutCallingTheShop() {
        SHOP.stubFor(get(urlPathEqualTo("/v1/catalog/products")).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 5; i++) {
            client().get().uri("/api/v1/shop/catalog/products").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectStatus().isEqualTo(502);
        }
        int calls = SHOP.getAllServeEvents().size();
        assertThat(calls).isEqualTo(5);
        Instant start = Instant.now();
        client().get().uri("/api/v1/shop/catalog/products").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
        assertThat(SHOP.getAllServeEvents()).hasSize(calls);
    }
}
