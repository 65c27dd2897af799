package dev.stride.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.stride.gateway.GatewayTestBase;
import reactor.core.publisher.Flux;

/** Body size limits at the gateway: 1 MB on API routes, 26 MB on workout uploads, 413 problem. */
class RequestSizeTest extends GatewayTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    private String token;

    @BeforeEach
    void login() {
        token = (String) registerAndLogin(uniqueEmail(), GOOD_PASSWORD).get("accessToken");
    }

    private int workoutHits() {
        return EdgeFixtures.WORKOUT_A.hits() + EdgeFixtures.WORKOUT_B.hits();
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeTheService() {
        int before = workoutHits();
        client().post().uri("/api/v1/gear").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[1024 * 1024 + 1])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist("errorMessage")
                .expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE").jsonPath("$.maxBytes").isEqualTo(1048576);
        assertThat(workoutHits()).isEqualTo(before);
    }

    @Test
    void uploadsMayBeLargerThanOtherRequests() {
        Map<String, Object> echo = client().post().uri("/api/v1/workouts/uploads")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[3 * 1024 * 1024])
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat(((Number) echo.get("bodyBytes")).longValue()).isEqualTo(3L * 1024 * 1024);
        client().post().uri("/api/v1/workouts/uploads").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[26 * 1024 * 1024 + 1])
                .exchange().expectStatus().isEqualTo(413);
    }

    @Test
    void aStreamedBodyWithoutContentLengthIsCutOffAtTheLimit() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        // 40 x 64 KiB = 2.5 MiB with no Content-Length (HTTP/2 DATA frames / chunked)
        Flux<DataBuffer> body = Flux.range(0, 40).map(i -> buffers.wrap(new byte[64 * 1024]));
        client().post().uri("/api/v1/gear").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(body, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");
    }
}
