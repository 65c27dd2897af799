package dev.stride.kit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stride.kit.test.TestDatabase;

/** Each service's role owns its schema and can do nothing in another's. */
class SchemaIsolationTest {

    private final TestDatabase db = TestDatabase.get();

    private static Connection connect(ServiceDatabase service) throws SQLException {
        return DriverManager.getConnection(service.jdbcUrl(), service.username(), service.password());
    }

    @Test
    void serviceRoleWorksInItsOwnSchema() throws SQLException {
        try (Connection social = connect(db.service("social")); Statement sql = social.createStatement()) {
            sql.execute("create table isolation_probe (secret text)");
            sql.execute("insert into isolation_probe values ('birth date')");
            assertThat(sql.executeQuery("select count(*) from social.isolation_probe").next()).isTrue();
        }
    }

    @Test
    void workoutRoleCannotReadOrWriteTheSocialSchema() throws SQLException {
        try (Connection social = connect(db.service("social")); Statement sql = social.createStatement()) {
            sql.execute("create table if not exists private_profile (secret text)");
        }
        try (Connection workout = connect(db.service("workout")); Statement sql = workout.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("select * from social.private_profile"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.execute("create table social.intruder (x int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void nobodyCreatesTablesInThePublicSchema() throws SQLException {
        try (Connection workout = connect(db.service("workout")); Statement sql = workout.createStatement()) {
            assertThatThrownBy(() -> sql.execute("create table public.shared_junk (x int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void provisioningIsIdempotentAndKeepsData() throws SQLException {
        DatabaseProvisioner provisioner = new DatabaseProvisioner(db.server());
        ServiceDatabase marketing = db.service("marketing");
        try (Connection c = connect(marketing); Statement sql = c.createStatement()) {
            sql.execute("create table kept (x int)");
            sql.execute("insert into kept values (1)");
        }

        provisioner.provision(db.name(), db.name(), Map.of("marketing", "marketing"), marketing.password());

        try (Connection c = connect(marketing); Statement sql = c.createStatement()) {
            var rs = sql.executeQuery("select count(*) from kept");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void unsafeIdentifiersAreRefused() {
        DatabaseProvisioner provisioner = new DatabaseProvisioner(db.server());
        assertThatThrownBy(() -> provisioner.provision("x; drop database postgres", "p", Map.of(), "pw"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explicitUrlsAreParsedAndPasswordsRedacted() {
        PostgresServer server = PostgresLocator.fromUrl("jdbc:postgresql://db.example:6543/stride?user=admin&password=s3cret",
                "STRIDE_DB_URL");
        assertThat(server.host()).isEqualTo("db.example");
        assertThat(server.port()).isEqualTo(6543);
        assertThat(server.adminUser()).isEqualTo("admin");
        assertThat(server.adminPassword()).isEqualTo("s3cret");
        assertThat(server.toString()).doesNotContain("s3cret");
        assertThat(PostgresLocator.redact("postgresql://u:s3cret@h/db")).doesNotContain("s3cret");
    }

    @Test
    void unreachableExplicitServerFailsWithWhatToDo() {
        System.setProperty("STRIDE_TEST_UNREACHABLE_URL", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=topsecret");
        try {
            assertThatThrownBy(() -> new PostgresLocator(java.util.Optional::empty, () -> {
                throw new AssertionError("must not fall back");
            }).locate("STRIDE_TEST_UNREACHABLE_URL"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:1")
                    .hasMessageContaining("unreachable")
                    .hasMessageNotContaining("topsecret");
        }
        finally {
            System.clearProperty("STRIDE_TEST_UNREACHABLE_URL");
        }
    }
}
