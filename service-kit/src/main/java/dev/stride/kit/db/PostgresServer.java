package dev.stride.kit.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * A PostgreSQL server reachable with administrative rights (create databases and roles).
 *
 * @param host          host name as services should use it
 * @param port          TCP port
 * @param adminUser     a role allowed to create databases and roles
 * @param adminPassword its password, or null with trust authentication
 * @param origin        how the server was found, for logs (e.g. "STRIDE_DB_URL", "embedded")
 */
public record PostgresServer(String host, int port, String adminUser, String adminPassword, String origin) {

    public PostgresServer {
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(adminUser, "adminUser must not be null");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connectAsAdmin(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", adminUser);
        if (adminPassword != null) {
            props.setProperty("password", adminPassword);
        }
        props.setProperty("connectTimeout", "3");
        props.setProperty("ApplicationName", "stride-provisioner");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    @Override
    public String toString() {
        // never print the password
        return "PostgresServer[" + adminUser + "@" + host + ":" + port + " via " + origin + "]";
    }
}
