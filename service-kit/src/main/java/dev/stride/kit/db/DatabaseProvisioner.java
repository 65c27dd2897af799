package dev.stride.kit.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Creates a Stride database with one schema and one login role per service. Each role owns its
 * schema and nothing else: it cannot read or write another service's tables. Used by the local
 * launcher and by the test support, so both build the same layout.
 */
public final class DatabaseProvisioner {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private final PostgresServer server;

    public DatabaseProvisioner(PostgresServer server) {
        this.server = server;
    }

    /**
     * Creates (idempotently) {@code database} and, for every schema, the role {@code rolePrefix_schema}
     * with the given password.
     *
     * @param schemas service name → schema name
     */
    public Map<String, ServiceDatabase> provision(String database, String rolePrefix, Map<String, String> schemas,
            String password) {
        requireIdentifier(database);
        requireIdentifier(rolePrefix);
        try (Connection admin = server.connectAsAdmin("postgres")) {
            if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
                execute(admin, "create database " + database);
            }
            execute(admin, "revoke all on database " + database + " from public");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot create database " + database + " on " + server + ": "
                    + ex.getMessage(), ex);
        }
        Map<String, ServiceDatabase> result = new LinkedHashMap<>();
        try (Connection admin = server.connectAsAdmin(database)) {
            execute(admin, "revoke create on schema public from public");
            for (Map.Entry<String, String> entry : schemas.entrySet()) {
                String schema = requireIdentifier(entry.getValue());
                String role = requireIdentifier(rolePrefix + "_" + schema);
                String quotedPassword = "'" + password.replace("'", "''") + "'";
                if (exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
                    execute(admin, "alter role " + role + " with login password " + quotedPassword);
                }
                else {
                    execute(admin, "create role " + role + " with login nosuperuser nocreatedb nocreaterole password "
                            + quotedPassword);
                }
                execute(admin, "grant connect, temporary on database " + database + " to " + role);
                execute(admin, "create schema if not exists " + schema + " authorization " + role);
                execute(admin, "alter role " + role + " in database " + database + " set search_path = " + schema);
                String url = server.jdbcUrl(database) + "?currentSchema=" + schema;
                result.put(entry.getKey(), new ServiceDatabase(entry.getKey(), url, schema, role, password));
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot provision schemas in " + database + " on " + server + ": "
                    + ex.getMessage(), ex);
        }
        return result;
    }

    /** Drops the database and the roles created for it. */
    public void drop(String database, String rolePrefix, List<String> schemas) {
        requireIdentifier(database);
        try (Connection admin = server.connectAsAdmin("postgres")) {
            execute(admin, "drop database if exists " + database + " with (force)");
            for (String schema : schemas) {
                execute(admin, "drop role if exists " + requireIdentifier(rolePrefix + "_" + schema));
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot drop " + database + " on " + server + ": " + ex.getMessage(), ex);
        }
    }

    /** Databases whose name starts with {@code prefix}, e.g. leftovers of killed test runs. */
    public List<String> databasesStartingWith(String prefix) {
        requireIdentifier(prefix);
        try (Connection admin = server.connectAsAdmin("postgres");
                PreparedStatement ps = admin.prepareStatement("select datname from pg_database where datname like ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot list databases on " + server + ": " + ex.getMessage(), ex);
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Identifiers are interpolated into DDL, so only a safe alphabet is accepted. */
    private static String requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe SQL identifier: " + name);
        }
        return name;
    }
}
