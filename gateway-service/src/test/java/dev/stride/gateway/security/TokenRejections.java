package dev.stride.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.stride.gateway.EchoUpstream;

/** The one answer every refused token gets: 401 problem with the Bearer invalid_token challenge, upstream untouched. */
final class TokenRejections {

    private TokenRejections() {
    }

    static void assertRejected(EchoUpstream upstream, Supplier<WebTestClient.ResponseSpec> request) {
        int hitsBefore = upstream.hits();
        request.get().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer ")
                        .contains("error=\"invalid_token\""))
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
        assertThat(upstream.hits()).isEqualTo(hitsBefore);
    }
}
