package dev.stride.kit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.stride.contracts.Services;
import dev.stride.kit.test.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;

/** The client side of service identities against real HTTP servers standing in for gateway and target. */
class InternalClientTest {

    private HttpServer gateway;
    private HttpServer target;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequestBodies = new CopyOnWriteArrayList<>();
    private volatile int targetDelayMillis;
    private volatile int targetStatus = 200;
    private InternalClient client;

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/oauth2/token", exchange -> {
            tokenRequests.incrementAndGet();
            tokenRequestBodies.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String token = TestTokens.get().service(Services.SOCIAL, Services.WORKOUT);
            respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        });
        gateway.start();
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/internal/v1/summary", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                Thread.sleep(targetDelayMillis);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, targetStatus, "{\"workouts\":3}");
        });
        target.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        target.start();

        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newHttpClient());
        requests.setReadTimeout(Duration.ofMillis(500));
        RestClient http = RestClient.builder().requestFactory(requests).build();
        ServiceTokens tokens = new ServiceTokens(RestClient.builder().requestFactory(requests)
                .baseUrl("http://127.0.0.1:" + gateway.getAddress().getPort() + "/oauth2/token").build(),
                Services.SOCIAL, "s3cret-s3cret-s3cret", Clock.systemUTC());
        client = new InternalClient(http, tokens,
                Map.of(Services.WORKOUT, "http://127.0.0.1:" + target.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
        target.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void callsCarryAServiceTokenThatIsReusedUntilItNearlyExpires() {
        JsonNode first = client.get(Services.WORKOUT, "/internal/v1/summary", JsonNode.class);
        client.get(Services.WORKOUT, "/internal/v1/summary", JsonNode.class);

        assertThat(first.get("workouts").asInt()).isEqualTo(3);
        assertThat(tokenRequests).hasValue(1);
        assertThat(authorizations).hasSize(2).allSatisfy(a -> assertThat(a).startsWith("Bearer ey"));
        assertThat(tokenRequestBodies.get(0)).startsWith("Basic ").contains("grant_type=client_credentials")
                .contains("audience=workout-service");
    }

    @Test
    void onlyInternalPathsAreCalled() {
        assertThatThrownBy(() -> client.get(Services.WORKOUT, "/api/v1/workouts", JsonNode.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSlowServiceTimesOutAndRepeatedFailuresOpenTheCircuit() {
        targetDelayMillis = 2000;
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.get(Services.WORKOUT, "/internal/v1/summary", JsonNode.class))
                    .isInstanceOf(ServiceUnavailableException.class);
        }
        assertThat(client.state(Services.WORKOUT)).isEqualTo(CircuitBreaker.State.OPEN);
        int callsBefore = authorizations.size();

        assertThatThrownBy(() -> client.get(Services.WORKOUT, "/internal/v1/summary", JsonNode.class))
                .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("paused");
        assertThat(authorizations).as("an open circuit sends nothing").hasSize(callsBefore);
    }

    @Test
    void serverErrorsAreReportedAsUnavailable() {
        targetStatus = 500;
        assertThatThrownBy(() -> client.get(Services.WORKOUT, "/internal/v1/summary", JsonNode.class))
                .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("workout-service");
    }
}
