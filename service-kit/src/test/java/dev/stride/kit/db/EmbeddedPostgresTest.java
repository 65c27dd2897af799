package dev.stride.kit.db;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.stride.kit.test.EmbeddedPostgresServer;

/** The last fallback of the database selection works on this machine (zonky binaries, as root). */
class EmbeddedPostgresTest {

    @Test
    void embeddedServerIsProvisionedWithIsolatedSchemas() throws SQLException {
        IsolatedLayout.assertProvisionedAndIsolated(EmbeddedPostgresServer.start());
    }
}
