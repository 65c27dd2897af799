package dev.stride.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stride.kit.db.ServiceDatabase;

class ServiceEnvironmentTest {

    private final PlatformConfig config = PlatformConfig.defaults(Path.of("/repo")).withDataDir(Path.of("/data"));
    private final LocalCertificates.TlsMaterial tls = new LocalCertificates.TlsMaterial(Path.of("/data/tls/gateway.p12"),
            "ks-pass", Path.of("/data/tls/ca-truststore.p12"), "ts-pass", Path.of("/data/tls/ca.crt"));
    private final ServiceEnvironment environment = new ServiceEnvironment(config, new ServiceEnvironment.Shared(
            "127.0.0.1:9092", tls, "http://127.0.0.1:8089", "shop-key",
            Map.of("workout-service", "s-w", "social-service", "s-s", "marketing-service", "s-m",
                    "notification-service", "s-n"),
            Map.of("gateway-service", "keyset", "workout-service", "k-w", "social-service", "k-s",
                    "marketing-service", "k-m", "notification-service", "k-n"),
            "blind", "/data/keys/signing-key.pem", 3025, "unsubscribe-key"));

    private static ServiceDatabase db(String service, String schema) {
        return new ServiceDatabase(service, "jdbc:postgresql://127.0.0.1:5432/stride?currentSchema=" + schema, schema,
                "stride_" + schema, "pw");
    }

    @Test
    void gatewayGetsTlsKeysClientSecretsAndRoutes() {
        Map<String, String> env = environment.forService(config.service("gateway-service"), db("gateway-service", "gateway"));
        assertThat(env).containsEntry("SERVER_PORT", "8443").containsEntry("MANAGEMENT_SERVER_PORT", "9080")
                .containsEntry("SERVER_SSL_ENABLED", "true").containsEntry("SERVER_SSL_KEY_STORE", "/data/tls/gateway.p12")
                .containsEntry("SERVER_SSL_KEY_STORE_PASSWORD", "ks-pass").containsEntry("SERVER_SSL_KEY_STORE_TYPE", "PKCS12")
                .containsEntry("STRIDE_TOKENS_KEY_FILE", "/data/keys/signing-key.pem")
                .containsEntry("STRIDE_TOKENS_GENERATE_IF_MISSING", "true")
                .containsEntry("STRIDE_CRYPTO_AEAD_KEYSET", "keyset").containsEntry("STRIDE_CRYPTO_BLIND_INDEX_KEY", "blind")
                .containsEntry("STRIDE_CLIENTS_WORKOUT_SERVICE_SECRET", "s-w")
                .containsEntry("STRIDE_CLIENTS_NOTIFICATION_SERVICE_SECRET", "s-n")
                .containsEntry("STRIDE_ROUTES_WORKOUT_URI", "https://127.0.0.1:8081")
                .containsEntry("STRIDE_ROUTES_NOTIFICATION_URI", "https://127.0.0.1:8084")
                .containsEntry("STRIDE_TLS_TRUST_STORE", "/data/tls/ca-truststore.p12")
                .containsEntry("STRIDE_SHOP_BASE_URL", "http://127.0.0.1:8089").containsEntry("STRIDE_SHOP_API_KEY", "shop-key")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "stride_gateway")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/stride?currentSchema=gateway")
                .containsEntry("SPRING_PROFILES_ACTIVE", "local").containsEntry("STRIDE_SECURITY_ISSUER", "https://stride.local")
                .doesNotContainKey("STRIDE_SECURITY_JWK_SET_URI")
                .doesNotContainKey("SPRING_JPA_PROPERTIES_HIBERNATE_DEFAULT_SCHEMA");
    }

    @Test
    void resourceServersGetJwksTrustStoreAndTheirOwnExtras() {
        Map<String, String> notification = environment.forService(config.service("notification-service"),
                db("notification-service", "notification"));
        assertThat(notification).containsEntry("SERVER_PORT", "8084").containsEntry("MANAGEMENT_SERVER_PORT", "9084")
                .containsEntry("STRIDE_SECURITY_JWK_SET_URI", "https://127.0.0.1:8443/.well-known/jwks.json")
                .containsEntry("STRIDE_TLS_TRUST_STORE", "/data/tls/ca-truststore.p12")
                .containsEntry("STRIDE_TLS_TRUST_STORE_PASSWORD", "ts-pass")
                .containsEntry("STRIDE_SERVICE_CLIENT_SECRET", "s-n").containsEntry("SPRING_MAIL_HOST", "127.0.0.1")
                .containsEntry("SPRING_MAIL_PORT", "3025").containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("STRIDE_CRYPTO_AEAD_KEYSET", "k-n")
                .containsEntry("STRIDE_NOTIFICATIONS_UNSUBSCRIBE_KEY", "unsubscribe-key")
                .containsEntry("STRIDE_NOTIFICATIONS_PUBLIC_BASE_URL", "https://localhost:8443")
                .containsEntry("SERVER_SSL_KEY_STORE", "/data/tls/notification-service.p12")
                .containsEntry("MANAGEMENT_SERVER_SSL_ENABLED", "false").doesNotContainKey("STRIDE_SHOP_API_KEY")
                .containsEntry("SERVER_SSL_ENABLED_PROTOCOLS", "TLSv1.3,TLSv1.2")
                .doesNotContainKey("STRIDE_TOKENS_KEY_FILE");
        Map<String, String> marketing = environment.forService(config.service("marketing-service"),
                db("marketing-service", "marketing"));
        assertThat(marketing).containsEntry("STRIDE_SHOP_BASE_URL", "http://127.0.0.1:8089")
                .containsEntry("STRIDE_SHOP_API_KEY", "shop-key").containsEntry("STRIDE_SERVICE_CLIENT_SECRET", "s-m")
                .doesNotContainKey("SPRING_MAIL_HOST");
        Map<String, String> social = environment.forService(config.service("social-service"), db("social-service", "social"));
        assertThat(social).containsEntry("STRIDE_WORKOUT_INTERNAL_URI", "https://127.0.0.1:8081")
                .containsEntry("SERVER_SSL_KEY_STORE", "/data/tls/social-service.p12")
                .containsEntry("STRIDE_SERVICE_TOKEN_URI", "https://127.0.0.1:8443/oauth2/token");
        assertThat(environment.command(config.service("social-service"))).contains("-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar").last().isEqualTo("/repo/social-service/target/social-service-"
                        + PlatformConfig.VERSION + ".jar");
        assertThat(environment.command(config.service("social-service"), " -Xmx1g  -XX:+UseParallelGC "))
                .as("STRIDE_SERVICE_JVM_OPTS replaces the defaults").contains("-Xmx1g", "-XX:+UseParallelGC", "-jar")
                .doesNotContain("-Xmx256m", "-XX:TieredStopAtLevel=1", "").last()
                .isEqualTo("/repo/social-service/target/social-service-" + PlatformConfig.VERSION + ".jar");
    }

    @Test
    void launcherOptions() {
        LauncherOptions options = LauncherOptions.parse(new String[] {"up", "--seed-demo", "--data-dir", "/tmp/x"});
        assertThat(options.seedDemo()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(LauncherOptions.parse(new String[] {"up", "--help"}).help()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"up", "--nope"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--nope");
    }
}
