package dev.stride.deploy;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One of the five Stride services as the launcher runs it.
 *
 * @param name           module and artifact name, e.g. {@code workout-service}
 * @param schema         its PostgreSQL schema
 * @param port           HTTPS port
 * @param managementPort actuator port (plain HTTP, loopback)
 */
public record StrideService(String name, String schema, int port, int managementPort) {

    public static final String GATEWAY = "gateway-service";

    public boolean isGateway() {
        return GATEWAY.equals(name);
    }

    /** {@code workout-service} → {@code WORKOUT_SERVICE}, for environment variable names. */
    public String envName() {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code workout-service} → {@code WORKOUT}, the gateway route key. */
    public String routeKey() {
        return schema.toUpperCase(Locale.ROOT);
    }

    public Path jar(Path repoRoot, String version) {
        return repoRoot.resolve(name).resolve("target").resolve(name + "-" + version + ".jar");
    }

    public String readinessUrl() {
        return "http://127.0.0.1:" + managementPort + "/actuator/health/readiness";
    }

    public String baseUrl() {
        // certificates name both localhost and 127.0.0.1; people get the name, services the address
        return "https://" + (isGateway() ? "localhost" : "127.0.0.1") + ":" + port;
    }
}
