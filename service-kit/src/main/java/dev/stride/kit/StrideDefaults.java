package dev.stride.kit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Defaults every Stride service shares, added with the lowest precedence so that a service's
 * application.yml, the environment or a test can still override each one.
 */
public class StrideDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // schema ownership: each service migrates and validates only its own schema
        defaults.put("spring.flyway.locations", "classpath:db/migration,classpath:db/stride-kit");
        defaults.put("spring.flyway.schemas", "${stride.db.schema}");
        defaults.put("spring.flyway.default-schema", "${stride.db.schema}");
        defaults.put("spring.jpa.hibernate.ddl-auto", "validate");
        defaults.put("spring.jpa.open-in-view", "false");
        defaults.put("spring.jpa.properties.hibernate.default_schema", "${stride.db.schema}");
        defaults.put("spring.datasource.hikari.maximum-pool-size", "10");
        // errors: RFC 9457 everywhere, nothing internal leaks
        defaults.put("spring.mvc.problemdetails.enabled", "true");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.error.include-exception", "false");
        defaults.put("server.error.whitelabel.enabled", "false");
        defaults.put("server.max-http-request-header-size", "16KB");
        // Tomcat closes a connection after 100 requests by default, and the gateway then pays a new
        // TLS handshake on both sides; a bound still lets connections move to new replicas
        defaults.put("server.tomcat.max-keep-alive-requests", "10000");
        defaults.put("spring.servlet.multipart.max-file-size", "25MB");
        defaults.put("spring.servlet.multipart.max-request-size", "26MB");
        // actuator on its own port; beyond health and info it needs ADMIN (see StrideSecurity)
        defaults.put("management.endpoints.web.exposure.include", "health,info,metrics,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.roles", "ADMIN");
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,db");
        defaults.put("management.info.env.enabled", "false");
        defaults.put("management.tracing.sampling.probability", "1.0");
        // structured JSON logs; the tracing bridge puts traceId/spanId into the MDC
        defaults.put("logging.structured.format.console", "logstash");
        // Kafka: idempotent producer that gives up fast so the outbox relay retries later
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.producer.properties.max.block.ms", "5000");
        defaults.put("spring.kafka.producer.properties.request.timeout.ms", "4000");
        defaults.put("spring.kafka.producer.properties.delivery.timeout.ms", "10000");
        defaults.put("spring.kafka.producer.properties.linger.ms", "5");
        defaults.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        defaults.put("spring.kafka.consumer.isolation-level", "read_committed");
        defaults.put("spring.kafka.consumer.key-deserializer",
                "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put("spring.kafka.consumer.value-deserializer",
                "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put("spring.kafka.listener.ack-mode", "record");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("spring.kafka.template.observation-enabled", "true");
        // its failure log would print event payloads (emails) into logs; the relay logs without them
        defaults.put("logging.level.org.springframework.kafka.support.LoggingProducerListener", "off");
        defaults.put("springdoc.api-docs.path", "/v3/api-docs");
        DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
    }
}
