package dev.stride.kit.test;

import java.util.Optional;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import dev.stride.kit.db.PostgresServer;

/** Third choice: a throwaway PostgreSQL container, only where a Docker engine answers. */
public final class TestContainersPostgres {

    private TestContainersPostgres() {
    }

    public static Optional<PostgresServer> start() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
        }
        catch (RuntimeException | NoClassDefFoundError ex) {
            return Optional.empty();
        }
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres-container"));
        return Optional.of(new PostgresServer(container.getHost(), container.getFirstMappedPort(),
                container.getUsername(), container.getPassword(), "testcontainers"));
    }
}
