package dev.stride.kit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** Provisions two services on a server, proves they are isolated, and removes everything again. */
final class IsolatedLayout {

    private IsolatedLayout() {
    }

    static void assertProvisionedAndIsolated(PostgresServer server) throws SQLException {
        DatabaseProvisioner provisioner = new DatabaseProvisioner(server);
        Map<String, ServiceDatabase> dbs = provisioner.provision("stride_fallback", "fb",
                Map.of("workout", "workout", "social", "social"), "pw-fallback");
        try (Connection social = DriverManager.getConnection(dbs.get("social").jdbcUrl(), "fb_social", "pw-fallback");
                Statement sql = social.createStatement()) {
            sql.execute("create table secret (x int)");
        }
        try (Connection workout = DriverManager.getConnection(dbs.get("workout").jdbcUrl(), "fb_workout",
                "pw-fallback"); Statement sql = workout.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("select * from social.secret"))
                    .hasMessageContaining("permission denied");
        }
        provisioner.drop("stride_fallback", "fb", List.of("workout", "social"));
        assertThat(provisioner.databasesStartingWith("stride_fallback")).isEmpty();
    }
}
