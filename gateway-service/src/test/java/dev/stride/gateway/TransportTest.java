package dev.stride.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.HttpProtocol;

class TransportTest extends GatewayTestBase {

    @Test
    void servesHttp2OverTls() {
        // an h2-only client fails unless the server negotiates HTTP/2 by ALPN
        TLS.client(baseUrl(), HttpProtocol.H2).get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk();
    }

    @Test
    void servesNoPlainHttp() {
        WebTestClient plain = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        Throwable failure = null;
        int status = 0;
        try {
            status = plain.get().uri("/.well-known/jwks.json").exchange().expectBody().returnResult().getStatus().value();
        }
        catch (RuntimeException | AssertionError ex) {
            failure = ex;
        }
        // either the connection fails or the TLS port answers 400 to plain text; never a 200
        assertThat(failure != null || status == 400).as("plain HTTP status " + status).isTrue();
    }

    @Test
    void strictTransportSecurityIsSentOverHttps() {
        client().get().uri("/.well-known/jwks.json").exchange()
                .expectHeader().value("Strict-Transport-Security", value -> assertThat(value).contains("max-age="));
    }
}
