package dev.stride.kit.db;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import dev.stride.kit.test.TestContainersPostgres;

/** The Testcontainers choice; skipped cleanly where no Docker engine answers (as on this machine). */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPostgresTest {

    @Test
    void containerServerIsProvisionedWithIsolatedSchemas() throws SQLException {
        IsolatedLayout.assertProvisionedAndIsolated(TestContainersPostgres.start()
                .orElseThrow(() -> new IllegalStateException("Docker answered but no container started")));
    }
}
