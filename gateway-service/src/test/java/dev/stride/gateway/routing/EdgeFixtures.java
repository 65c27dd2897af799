package dev.stride.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.TrustManagerFactory;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import dev.stride.gateway.TestTlsAccess;
import dev.stride.gateway.ratelimit.UserRateLimitGatewayFilterFactory;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

/**
 * Fixtures of the edge tests, part of the one shared gateway context: two HTTPS instances of
 * workout-service with certificates from the test CA the gateway trusts, one HTTPS upstream whose
 * certificate comes from another CA (reached through the test-only route
 * {@code /test-probe/rogue/**}), WireMock as the shop, Redis on 127.0.0.1, one allowed CORS
 * origin, and 127.0.0.2 as the only trusted proxy (tests bind their client to it to act as a
 * proxy forwarding for many client IPs; every other test talks from 127.0.0.1, an untrusted peer).
 */
public final class EdgeFixtures {

    public static final String TRUSTED_PROXY = "127.0.0.2";
    public static final String ALLOWED_ORIGIN = "https://app.stride.test";
    public static final String SHOP_API_KEY = "shop-" + randomToken();

    public static final TestCa CA = TestCa.create("stride");
    public static final TlsEchoUpstream WORKOUT_A = TlsEchoUpstream.start("workout-a",
            CA.serverContext(CA.issueServerKeyStore("workout-a")));
    public static final TlsEchoUpstream WORKOUT_B = TlsEchoUpstream.start("workout-b",
            CA.serverContext(CA.issueServerKeyStore("workout-b")));
    private static final TestCa ROGUE_CA = TestCa.create("rogue");
    public static final TlsEchoUpstream ROGUE = TlsEchoUpstream.start("rogue",
            ROGUE_CA.serverContext(ROGUE_CA.issueServerKeyStore("rogue")));
    public static final WireMockServer SHOP = startShop();

    private EdgeFixtures() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("stride.routes.workout-uri", () -> WORKOUT_A.uri() + "," + WORKOUT_B.uri());
        registry.add("stride.tls.trust-store", () -> CA.trustStore().toString());
        registry.add("stride.tls.trust-store-password", CA::password);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> "6379");
        registry.add("stride.gateway.trusted-proxies", () -> TRUSTED_PROXY);
        registry.add("stride.gateway.cors.allowed-origins", () -> ALLOWED_ORIGIN);
        registry.add("stride.shop.base-url", SHOP::baseUrl);
        registry.add("stride.shop.api-key", () -> SHOP_API_KEY);
        registry.add("stride.shop.timeout", () -> "PT1S");
        // a strict policy for the test-only route /test-probe/limited/** (the real policies stay as configured)
        registry.add("stride.ratelimit.policies.test-strict.replenish-rate", () -> "1");
        registry.add("stride.ratelimit.policies.test-strict.burst-capacity", () -> "3");
        registry.add("stride.ratelimit.policies.test-strict.requested-tokens", () -> "1");
    }

    /** Test-only route to an HTTPS upstream whose certificate the gateway must not trust. */
    @Configuration(proxyBeanMethods = false)
    public static class Routes {

        @Bean
        RouteLocator testProbeRoutes(RouteLocatorBuilder routes, UserRateLimitGatewayFilterFactory userRateLimit) {
            UserRateLimitGatewayFilterFactory.Config strict = new UserRateLimitGatewayFilterFactory.Config();
            strict.setPolicy("test-strict");
            return routes.routes()
                    .route("test-rogue-tls", r -> r.path("/test-probe/rogue/**").uri(ROGUE.uri()))
                    .route("test-limited", r -> r.path("/test-probe/limited/**")
                            .filters(f -> f.filter(userRateLimit.apply(strict)))
                            .uri(WORKOUT_A.uri()))
                    .build();
        }
    }

    /** HTTPS client to the gateway from {@value #TRUSTED_PROXY} (a trusted proxy). */
    public static WebTestClient viaTrustedProxy(String baseUrl) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(gatewayHttpClient(TRUSTED_PROXY)))
                .baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** Non-asserting client for concurrent bursts, from the given local address. */
    public static WebClient webClient(String baseUrl, String localAddress) {
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(gatewayHttpClient(localAddress)))
                .baseUrl(baseUrl).build();
    }

    private static HttpClient gatewayHttpClient(String localAddress) {
        TrustManagerFactory trust = gatewayTrust();
        return HttpClient.create()
                .bindAddress(() -> new InetSocketAddress(localAddress, 0))
                .secure(spec -> spec.sslContext(Http2SslContextSpec.forClient().configure(b -> b.trustManager(trust))))
                .protocol(HttpProtocol.H2, HttpProtocol.HTTP11)
                .responseTimeout(Duration.ofSeconds(20));
    }

    private static TrustManagerFactory gatewayTrust() {
        try (InputStream in = Files.newInputStream(TestTlsAccess.keyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TestTlsAccess.password().toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("gateway", store.getCertificate("gateway"));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            return factory;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static WireMockServer startShop() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort().containerThreads(8).jettyAcceptors(1));
        server.start();
        return server;
    }

    private static String randomToken() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
