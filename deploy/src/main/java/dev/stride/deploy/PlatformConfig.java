package dev.stride.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Everything the launcher needs to know. {@link #defaults(Path)} is the developer platform
 * ({@code ./stride up}); tests use {@link #withPorts(Ports)} with {@link Ports#free()}, their own data
 * folder, database and role prefix so they never collide with a running developer platform.
 *
 * @param repoRoot             the repository root (service jars, deploy/target, deploy/shop-simulator)
 * @param dataDir              data folder: secrets, TLS, keys, Kafka data, logs
 * @param ports                every port the platform binds
 * @param database             PostgreSQL database name
 * @param rolePrefix           login roles are {@code <rolePrefix>_<schema>}
 * @param dropDatabaseOnStop   drop the database and roles when stopping (tests)
 * @param dbUrlVariable        environment variable with an explicit PostgreSQL URL
 * @param serviceReadyTimeout  how long one service may take to become ready
 * @param seedDemo             register demo users with workouts after start
 */
public record PlatformConfig(Path repoRoot, Path dataDir, Ports ports, String database, String rolePrefix,
        boolean dropDatabaseOnStop, String dbUrlVariable, Duration serviceReadyTimeout, boolean seedDemo) {

    public static final String VERSION = loadVersion();

    public static PlatformConfig defaults(Path repoRoot) {
        String dataDir = System.getenv("STRIDE_DATA_DIR");
        Path data = dataDir == null || dataDir.isBlank() ? repoRoot.resolve(".stride-data") : Path.of(dataDir);
        return new PlatformConfig(repoRoot.toAbsolutePath().normalize(), data.toAbsolutePath().normalize(),
                Ports.defaults(), "stride", "stride", false, "STRIDE_DB_URL", Duration.ofSeconds(180), false);
    }

    public PlatformConfig withPorts(Ports newPorts) {
        return new PlatformConfig(repoRoot, dataDir, newPorts, database, rolePrefix, dropDatabaseOnStop, dbUrlVariable,
                serviceReadyTimeout, seedDemo);
    }

    public PlatformConfig withDataDir(Path newDataDir) {
        return new PlatformConfig(repoRoot, newDataDir.toAbsolutePath().normalize(), ports, database, rolePrefix,
                dropDatabaseOnStop, dbUrlVariable, serviceReadyTimeout, seedDemo);
    }

    public PlatformConfig withDatabase(String newDatabase, String newRolePrefix, boolean drop) {
        return new PlatformConfig(repoRoot, dataDir, ports, newDatabase, newRolePrefix, drop, dbUrlVariable,
                serviceReadyTimeout, seedDemo);
    }

    public PlatformConfig withSeedDemo(boolean seed) {
        return new PlatformConfig(repoRoot, dataDir, ports, database, rolePrefix, dropDatabaseOnStop, dbUrlVariable,
                serviceReadyTimeout, seed);
    }

    public PlatformConfig withDbUrlVariable(String variable) {
        return new PlatformConfig(repoRoot, dataDir, ports, database, rolePrefix, dropDatabaseOnStop, variable,
                serviceReadyTimeout, seedDemo);
    }

    public PlatformConfig withServiceReadyTimeout(Duration timeout) {
        return new PlatformConfig(repoRoot, dataDir, ports, database, rolePrefix, dropDatabaseOnStop, dbUrlVariable,
                timeout, seedDemo);
    }

    /** The five services; the gateway first (the others validate tokens against its JWKS). */
    public List<StrideService> services() {
        return List.of(new StrideService(StrideService.GATEWAY, "gateway", ports.gateway(), ports.gatewayManagement()),
                new StrideService("workout-service", "workout", ports.workout(), ports.workoutManagement()),
                new StrideService("social-service", "social", ports.social(), ports.socialManagement()),
                new StrideService("marketing-service", "marketing", ports.marketing(), ports.marketingManagement()),
                new StrideService("notification-service", "notification", ports.notification(),
                        ports.notificationManagement()));
    }

    public StrideService service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path logFile(String component) {
        return logDir().resolve(component + ".log");
    }

    public Path deployTarget() {
        return repoRoot.resolve("deploy").resolve("target");
    }

    public Path kafkaClasspathFile() {
        return deployTarget().resolve("kafka.classpath");
    }

    public Path greenMailJar() {
        return deployTarget().resolve("lib").resolve("greenmail-standalone.jar");
    }

    public Path wireMockJar() {
        return deployTarget().resolve("lib").resolve("wiremock-standalone.jar");
    }

    public Path shopSimulatorRoot() {
        return repoRoot.resolve("deploy").resolve("shop-simulator");
    }

    public String gatewayUrl() {
        return "https://localhost:" + ports.gateway();
    }

    public String issuer() {
        return "https://stride.local";
    }

    private static String loadVersion() {
        try (InputStream in = PlatformConfig.class.getResourceAsStream("stride-deploy.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "0.1.0-SNAPSHOT");
        }
        catch (IOException ex) {
            return "0.1.0-SNAPSHOT";
        }
    }
}
