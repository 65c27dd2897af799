package dev.stride.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.nimbusds.jose.jwk.RSAKey;

import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.kit.test.TestDatabase;

/**
 * One running gateway for all integration tests (same annotations and dynamic properties, so the
 * Spring context is cached and shared): real PostgreSQL from {@link TestDatabase}, an embedded
 * KRaft Kafka broker, a throwaway signing key, Tink keyset and blind-index key generated here
 * (test-only, never committed), and an echo server standing in for the routed services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "management.server.port=0",
        "stride.events.partitions=1",
        "stride.security.hashing.max-concurrent=2",
        "spring.datasource.hikari.maximum-pool-size=4",
        "logging.structured.format.console=" })
@EmbeddedKafka(partitions = 1, topics = Topics.IDENTITY_EVENTS)
@org.springframework.context.annotation.Import(dev.stride.gateway.routing.EdgeFixtures.Routes.class)
public abstract class GatewayTestBase {

    protected static final String WORKOUT_SECRET = randomSecret();
    protected static final String SOCIAL_SECRET = randomSecret();
    protected static final KeyPair SIGNING_KEY = rsaKeyPair();
    protected static final Path KEY_FILE = writeKeyFile(SIGNING_KEY);
    /** The key of the previous rotation: still published and accepted, no longer used for signing. */
    protected static final KeyPair PREVIOUS_KEY = rsaKeyPair();
    private static final Path PREVIOUS_KEY_FILE = writeKeyFile(PREVIOUS_KEY);
    protected static final EchoUpstream UPSTREAM = EchoUpstream.start();
    protected static final TestTls TLS = TestTls.create();
    private static final String AEAD_KEYSET = aeadKeyset();
    private static final String BLIND_INDEX_KEY = Base64.getEncoder().encodeToString(randomBytes(32));

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected EmbeddedKafkaBroker kafka;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        TestDatabase.get().service("gateway").springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("stride.tokens.key-file", KEY_FILE::toString);
        registry.add("stride.tokens.previous-key-file", PREVIOUS_KEY_FILE::toString);
        registry.add("server.ssl.key-store", () -> TLS.keyStore().toString());
        registry.add("server.ssl.key-store-password", TLS::password);
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("stride.crypto.aead-keyset", () -> AEAD_KEYSET);
        registry.add("stride.crypto.blind-index-key", () -> BLIND_INDEX_KEY);
        registry.add("stride.clients." + Services.WORKOUT + ".secret", () -> WORKOUT_SECRET);
        registry.add("stride.clients." + Services.SOCIAL + ".secret", () -> SOCIAL_SECRET);
        for (String route : List.of("social", "marketing", "notification")) {
            registry.add("stride.routes." + route + "-uri", UPSTREAM::uri);
        }
        // workout-service: two HTTPS instances (test CA); Redis, trusted proxy, CORS origin, WireMock shop
        dev.stride.gateway.routing.EdgeFixtures.register(registry);
    }

    /** HTTPS (HTTP/2 or 1.1 by ALPN) to the public port, trusting only the test certificate. */
    protected WebTestClient client() {
        return TLS.client(baseUrl());
    }

    protected String baseUrl() {
        return "https://localhost:" + port;
    }

    protected WebTestClient managementClient() {
        return TLS.client("https://localhost:" + managementPort);
    }

    /** The gateway's own signing key as a JWK, for tests that forge tokens with chosen claims. */
    protected static RSAKey gatewayJwk() {
        return jwk(SIGNING_KEY);
    }

    protected static RSAKey jwk(KeyPair pair) {
        try {
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyIDFromThumbprint().build();
        }
        catch (com.nimbusds.jose.JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Registers a fresh user and logs in; returns the login body. */
    protected Map<String, Object> registerAndLogin(String email, String password) {
        register(email, password).expectStatus().isAccepted();
        return login(email, password).expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                })
                .returnResult().getResponseBody();
    }

    protected WebTestClient.ResponseSpec register(String email, String password) {
        return client().post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password, "displayName", "Runner", "locale", "en",
                        "timeZone", "Europe/Moscow"))
                .exchange();
    }

    protected WebTestClient.ResponseSpec login(String email, String password) {
        return client().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.org";
    }

    protected static final String GOOD_PASSWORD = "correct horse battery 42";

    private static String aeadKeyset() {
        try {
            AeadConfig.register();
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Path writeKeyFile(KeyPair pair) {
        try {
            Path dir = Files.createTempDirectory("gateway-test-keys");
            Path file = dir.resolve("signing.pem");
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String randomSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
