package dev.stride.kit.test;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service under test at its schema in the per-run test database, at the test token
 * issuer and at the embedded Kafka broker. Use with
 * {@code @ContextConfiguration(initializers = StrideTestEnvironment.class)} and {@code @EmbeddedKafka}.
 */
public class StrideTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = context.getEnvironment().getRequiredProperty("stride.db.schema");
        Map<String, Object> properties = new HashMap<>(TestDatabase.get().service(schema).springProperties());
        properties.put("stride.security.jwk-set-uri", TestTokens.get().jwkSetUri());
        properties.put("stride.security.issuer", TestTokens.ISSUER);
        if (!context.getEnvironment().containsProperty("spring.kafka.bootstrap-servers")) {
            properties.put("spring.kafka.bootstrap-servers", "${spring.embedded.kafka.brokers}");
        }
        // never the fixed ports of a running local platform
        properties.put("management.server.port", "0");
        if (isPresent("com.google.crypto.tink.Aead")) {
            properties.put("stride.crypto.aead-keyset", TestKeys.AEAD_KEYSET);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stride-test", properties));
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, StrideTestEnvironment.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException ex) {
            return false;
        }
    }

    /** Throwaway keys made per test JVM; the holder keeps Tink off the classpath of services without it. */
    private static final class TestKeys {
        static final String AEAD_KEYSET = dev.stride.kit.crypto.FieldCipher.generateKeyset();
    }
}
