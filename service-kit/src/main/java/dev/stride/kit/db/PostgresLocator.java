package dev.stride.kit.db;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds a PostgreSQL server in Stride's order: an explicit URL (STRIDE_TEST_DB_URL for tests,
 * STRIDE_DB_URL for local runs); the server on 127.0.0.1:5432; Testcontainers when a Docker engine
 * is available; an embedded PostgreSQL.
 */
public final class PostgresLocator {

    static final String LOCAL_HOST = "127.0.0.1";
    static final int LOCAL_PORT = 5432;

    private final Supplier<Optional<PostgresServer>> containers;
    private final Supplier<PostgresServer> embedded;

    public PostgresLocator(Supplier<Optional<PostgresServer>> containers, Supplier<PostgresServer> embedded) {
        this.containers = containers;
        this.embedded = embedded;
    }

    /**
     * @param explicitUrlVariable name of the environment variable holding an explicit URL
     * @throws IllegalStateException when an explicit URL is set but unreachable: a configured server
     *                               that does not answer is an error, not a reason to fall back
     */
    public PostgresServer locate(String explicitUrlVariable) {
        String explicit = System.getenv(explicitUrlVariable);
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getProperty(explicitUrlVariable);
        }
        if (explicit != null && !explicit.isBlank()) {
            PostgresServer server = fromUrl(explicit, explicitUrlVariable);
            requireReachable(server, explicitUrlVariable + "=" + redact(explicit));
            return server;
        }
        if (portOpen(LOCAL_HOST, LOCAL_PORT)) {
            PostgresServer local = new PostgresServer(LOCAL_HOST, LOCAL_PORT,
                    System.getenv().getOrDefault("STRIDE_DB_ADMIN_USER", "postgres"),
                    System.getenv("STRIDE_DB_ADMIN_PASSWORD"), "local server " + LOCAL_HOST + ":" + LOCAL_PORT);
            if (canConnect(local)) {
                return local;
            }
        }
        return containers.get().orElseGet(embedded);
    }

    /** Parses {@code jdbc:postgresql://host:port/db?user=u&password=p} or {@code postgresql://u:p@host:port/db}. */
    static PostgresServer fromUrl(String url, String origin) {
        String raw = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri = URI.create(raw.replaceFirst("^postgres(ql)?://", "postgresql://"));
        String user = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : null;
        }
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equals("user")) {
                    user = kv[1];
                }
                if (kv.length == 2 && kv[0].equals("password")) {
                    password = kv[1];
                }
            }
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(origin + " is not a PostgreSQL URL: " + redact(url));
        }
        return new PostgresServer(uri.getHost(), uri.getPort() < 0 ? LOCAL_PORT : uri.getPort(),
                user == null ? "postgres" : user, password, origin);
    }

    static String redact(String url) {
        return url.replaceAll("(password=)[^&]*", "$1***").replaceAll("(//[^:/@]+:)[^@]*@", "$1***@");
    }

    private static void requireReachable(PostgresServer server, String what) {
        try (Connection ignored = server.connectAsAdmin("postgres")) {
            // reachable
        }
        catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL at " + what + " is unreachable (" + ex.getMessage()
                    + "). Start that server, fix the URL, or unset the variable to use the local or embedded one.");
        }
    }

    private static boolean canConnect(PostgresServer server) {
        try (Connection ignored = server.connectAsAdmin("postgres")) {
            return true;
        }
        catch (SQLException ex) {
            return false;
        }
    }

    static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }
}
