package dev.stride.kit.test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.stride.kit.db.DatabaseProvisioner;
import dev.stride.kit.db.PostgresLocator;
import dev.stride.kit.db.PostgresServer;
import dev.stride.kit.db.ServiceDatabase;

/**
 * One database per test JVM, on the server {@link PostgresLocator} finds with STRIDE_TEST_DB_URL.
 * Its name carries the creation time, so runs never collide, the database and its roles are dropped
 * when the JVM exits, and leftovers of killed runs older than a day are dropped at the next start.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final String PREFIX = "stride_t";
    private static final List<String> SCHEMAS = List.of("gateway", "workout", "social", "marketing", "notification");
    private static final Duration STALE = Duration.ofHours(24);

    private static volatile TestDatabase instance;

    private final PostgresServer server;
    private final String database;
    private final Map<String, ServiceDatabase> services = new ConcurrentHashMap<>();

    private TestDatabase(PostgresServer server) {
        this.server = server;
        this.database = PREFIX + Instant.now().getEpochSecond() + "_" + HexFormat.of().formatHex(randomBytes(4));
        DatabaseProvisioner provisioner = new DatabaseProvisioner(server);
        dropStale(provisioner);
        Map<String, String> schemas = new java.util.LinkedHashMap<>();
        SCHEMAS.forEach(schema -> schemas.put(schema, schema));
        services.putAll(provisioner.provision(database, database, schemas, HexFormat.of().formatHex(randomBytes(16))));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> provisioner.drop(database, database, SCHEMAS),
                "drop-" + database));
        log.info("test database {} on {}", database, server);
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = new TestDatabase(new PostgresLocator(TestContainersPostgres::start,
                            EmbeddedPostgresServer::start).locate("STRIDE_TEST_DB_URL"));
                }
            }
        }
        return instance;
    }

    /** @param schema one of gateway, workout, social, marketing, notification */
    public ServiceDatabase service(String schema) {
        ServiceDatabase db = services.get(schema);
        if (db == null) {
            throw new IllegalArgumentException("no schema " + schema + "; known: " + SCHEMAS);
        }
        return db;
    }

    public PostgresServer server() {
        return server;
    }

    public String name() {
        return database;
    }

    private static void dropStale(DatabaseProvisioner provisioner) {
        long cutoff = Instant.now().minus(STALE).getEpochSecond();
        for (String name : provisioner.databasesStartingWith(PREFIX)) {
            Optional<Long> created = createdAt(name);
            if (created.isPresent() && created.get() < cutoff) {
                try {
                    provisioner.drop(name, name, SCHEMAS);
                }
                catch (IllegalStateException ex) {
                    log.warn("could not drop stale test database {}: {}", name, ex.getMessage());
                }
            }
        }
    }

    private static Optional<Long> createdAt(String name) {
        try {
            return Optional.of(Long.parseLong(name.substring(PREFIX.length(), name.indexOf('_', PREFIX.length()))));
        }
        catch (RuntimeException ex) {
            return Optional.empty();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
