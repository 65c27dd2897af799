package dev.stride.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stride.kit.db.ServiceDatabase;

/** The environment one service process gets (Spring relaxed binding: {@code SPRING_DATASOURCE_URL} ...). */
public final class ServiceEnvironment {

    /** Values shared by every service, generated or located once per start. */
    public record Shared(String kafkaBootstrap, LocalCertificates.TlsMaterial tls, String shopBaseUrl,
            String shopApiKey, Map<String, String> clientSecrets, Map<String, String> aeadKeysets, String blindIndexKey,
            String signingKeyFile, int smtpPort, String unsubscribeKey) {
    }

    private final PlatformConfig config;
    private final Shared shared;

    public ServiceEnvironment(PlatformConfig config, Shared shared) {
        this.config = config;
        this.shared = shared;
    }

    public Map<String, String> forService(StrideService service, ServiceDatabase database) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("SERVER_PORT", String.valueOf(service.port()));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(service.managementPort()));
        env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        // datasource url/user/password and Flyway schema; map-valued spring.jpa.properties.* do not survive
        // the env-var mapping (underscores become dots), the role's search_path covers Hibernate instead
        database.springProperties().entrySet().stream().filter(e -> !e.getKey().startsWith("spring.jpa.properties."))
                .sorted(Map.Entry.comparingByKey()).forEach(e -> env.put(toEnv(e.getKey()), e.getValue()));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", shared.kafkaBootstrap());
        env.put("STRIDE_SECURITY_ISSUER", config.issuer());
        env.put("STRIDE_CRYPTO_AEAD_KEYSET", shared.aeadKeysets().get(service.name()));
        // every service serves HTTPS with a certificate of the local CA and trusts only that CA;
        // actuator stays plain HTTP on its loopback management port
        env.put("SERVER_SSL_ENABLED", "true");
        env.put("SERVER_SSL_KEY_STORE", shared.tls().keyStore(service.isGateway() ? "gateway" : service.name()).toString());
        env.put("SERVER_SSL_KEY_STORE_PASSWORD", shared.tls().keyStorePassword());
        env.put("SERVER_SSL_KEY_STORE_TYPE", "PKCS12");
        env.put("SERVER_SSL_ENABLED_PROTOCOLS", "TLSv1.3,TLSv1.2");
        env.put("MANAGEMENT_SERVER_SSL_ENABLED", "false");
        env.put("STRIDE_TLS_TRUST_STORE", shared.tls().trustStore().toString());
        env.put("STRIDE_TLS_TRUST_STORE_PASSWORD", shared.tls().trustStorePassword());
        if (service.isGateway()) {
            env.put("STRIDE_TOKENS_KEY_FILE", shared.signingKeyFile());
            env.put("STRIDE_TOKENS_GENERATE_IF_MISSING", "true");
            env.put("STRIDE_CRYPTO_BLIND_INDEX_KEY", shared.blindIndexKey());
            for (StrideService other : config.services()) {
                if (!other.isGateway()) {
                    env.put("STRIDE_CLIENTS_" + other.envName() + "_SECRET", shared.clientSecrets().get(other.name()));
                    env.put("STRIDE_ROUTES_" + other.routeKey() + "_URI", other.baseUrl());
                }
            }
            env.put("STRIDE_SHOP_BASE_URL", shared.shopBaseUrl());
            env.put("STRIDE_SHOP_API_KEY", shared.shopApiKey());
        }
        else {
            env.put("STRIDE_SECURITY_JWK_SET_URI",
                    "https://127.0.0.1:" + config.ports().gateway() + "/.well-known/jwks.json");
            env.put("STRIDE_SERVICE_CLIENT_SECRET", shared.clientSecrets().get(service.name()));
            env.put("STRIDE_SERVICE_TOKEN_URI", "https://127.0.0.1:" + config.ports().gateway() + "/oauth2/token");
            if (service.name().equals("social-service")) {
                env.put("STRIDE_WORKOUT_INTERNAL_URI", config.service("workout-service").baseUrl());
            }
            if (service.name().equals("notification-service")) {
                env.put("SPRING_MAIL_HOST", "127.0.0.1");
                env.put("SPRING_MAIL_PORT", String.valueOf(shared.smtpPort()));
                env.put("STRIDE_NOTIFICATIONS_UNSUBSCRIBE_KEY", shared.unsubscribeKey());
                // links in mails go through the gateway, the platform's only public door
                env.put("STRIDE_NOTIFICATIONS_PUBLIC_BASE_URL", config.service(StrideService.GATEWAY).baseUrl());
            }
            if (service.name().equals("marketing-service")) {
                env.put("STRIDE_SHOP_BASE_URL", shared.shopBaseUrl());
                env.put("STRIDE_SHOP_API_KEY", shared.shopApiKey());
            }
        }
        return env;
    }

    /**
     * The JVM options of every service: small heaps and the C1 compiler only, which start five
     * services fast on a laptop; {@code STRIDE_SERVICE_JVM_OPTS} replaces them, e.g. with the full JIT
     * for a benchmark (docs/performance.md).
     */
    static final String DEFAULT_JVM_OPTIONS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /** The JVM command line of a service. */
    public List<String> command(StrideService service) {
        return command(service, System.getenv().getOrDefault("STRIDE_SERVICE_JVM_OPTS", DEFAULT_JVM_OPTIONS));
    }

    List<String> command(StrideService service, String jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Java.java());
        command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        command.addAll(List.of("-Djava.security.egd=file:/dev/./urandom", "-jar",
                service.jar(config.repoRoot(), PlatformConfig.VERSION).toString()));
        return command;
    }

    /** {@code spring.datasource.url} → {@code SPRING_DATASOURCE_URL}. */
    static String toEnv(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
