package dev.stride.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopSimulatorTest {

    private static final String KEY = "test-key-" + Secrets.random(8);

    @TempDir
    static Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ShopSimulator shop;

    @BeforeAll
    void start() {
        Path root = TestSupport.repoRoot();
        shop = new ShopSimulator(root.resolve("deploy/target/lib/wiremock-standalone.jar"),
                root.resolve("deploy/shop-simulator"), Ports.free().shop(), dir, dir.resolve("shop.log"));
        shop.start(KEY, Duration.ofSeconds(90));
    }

    @AfterAll
    void stop() {
        shop.stop();
        assertThat(shop.process().isAlive()).isFalse();
    }

    @Test
    void withoutApiKeyTheShopAnswers401Problem() throws Exception {
        HttpResponse<String> response = get("/v1/catalog/products?category=bikes", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void withAWrongApiKeyTheShopAnswers401() throws Exception {
        assertThat(get("/v1/catalog/products", "not-the-key").statusCode()).isEqualTo(401);
        assertThat(get("/v1/orders/ord_7f3c2a91", KEY + "x").statusCode()).isEqualTo(401);
    }

    @Test
    void catalogByCategoryWithTheKey() throws Exception {
        HttpResponse<String> response = get("/v1/catalog/products?category=running-shoes&page=1", KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(response.body());
        assertThat(page.path("items")).hasSize(2);
        for (JsonNode item : page.path("items")) {
            assertThat(item.path("category").asText()).isEqualTo("running-shoes");
            assertThat(item.path("price").path("amountMinor").isIntegralNumber()).isTrue();
            assertThat(item.path("price").path("currency").asText()).isEqualTo("EUR");
        }
        assertThat(json.readTree(get("/v1/catalog/products", KEY).body()).path("totalItems").asInt()).isEqualTo(6);
        assertThat(json.readTree(get("/v1/catalog/products?category=bikes&page=2", KEY).body()).path("items"))
                .isEmpty();
    }

    @Test
    void productBySkuAndUnknownSku() throws Exception {
        HttpResponse<String> watch = get("/v1/catalog/products/WT-FR965-BLK", KEY);
        assertThat(watch.statusCode()).isEqualTo(200);
        assertThat(json.readTree(watch.body()).path("price").path("amountMinor").asLong()).isEqualTo(59999);
        assertThat(get("/v1/catalog/products/NOPE-1", KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void ordersCanBePlacedAndRead() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(shop.baseUrl() + "/v1/orders"))
                .header("X-Api-Key", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"sku\":\"WT-PACE3-WHT\",\"quantity\":1}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json.readTree(created.body()).path("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/v1/orders/" + id);
        assertThat(get("/v1/orders/" + id, KEY).statusCode()).isEqualTo(200);
        assertThat(get("/v1/orders/ord_unknown", KEY).statusCode()).isEqualTo(404);

        HttpResponse<String> invalid = http.send(HttpRequest.newBuilder(URI.create(shop.baseUrl() + "/v1/orders"))
                .header("X-Api-Key", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(invalid.statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(shop.baseUrl() + path));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
