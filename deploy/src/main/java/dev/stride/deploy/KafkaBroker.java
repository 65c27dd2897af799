package dev.stride.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one JVM), started from the
 * Maven-resolved {@code kafka_2.13} and {@code kafka-tools} jars listed in
 * {@code deploy/target/kafka.classpath}. Its log directory survives {@link #stop()}, so
 * {@link #start()} again brings back the same topics and records.
 */
public final class KafkaBroker implements AutoCloseable {

    /**
     * @param directory     holds server.properties and the log dirs ({@code <dir>/logs})
     * @param classpathFile the file written by maven-dependency-plugin build-classpath
     * @param logFile       broker stdout/stderr
     */
    public record Settings(Path directory, int port, int controllerPort, Path classpathFile, Path logFile,
            String heap, Duration readyTimeout) {

        public Settings(Path directory, int port, int controllerPort, Path classpathFile, Path logFile) {
            this(directory, port, controllerPort, classpathFile, logFile, "512m", Duration.ofSeconds(90));
        }
    }

    private final Settings settings;
    private ManagedProcess process;

    public KafkaBroker(Settings settings) {
        this.settings = settings;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + settings.port();
    }

    public Settings settings() {
        return settings;
    }

    /** Formats the log directory on first use, starts the broker and waits until it answers. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        String classpath = classpath();
        try {
            Files.createDirectories(settings.directory());
            Path config = settings.directory().resolve("server.properties");
            Files.writeString(config, serverProperties(), StandardCharsets.UTF_8);
            if (!Files.exists(logDir().resolve("meta.properties"))) {
                ManagedProcess.run("Kafka storage format", List.of(Java.java(), "-Xmx256m", "-cp", classpath,
                        "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                        settings.directory(), Duration.ofSeconds(120));
            }
            process = ManagedProcess.start("kafka", List.of(Java.java(), "-Xmx" + settings.heap(), "-Xms128m",
                    "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                    "-Dorg.slf4j.simpleLogger.showDateTime=true", "-cp", classpath, "kafka.Kafka", config.toString()),
                    Map.of(), settings.directory(), settings.logFile());
        }
        catch (IOException ex) {
            throw new PlatformException("cannot prepare Kafka in " + settings.directory() + ": " + ex.getMessage(), ex);
        }
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        try (Admin admin = Admin.create(props)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new PlatformException("Kafka broker exited (code " + process.exitValue() + "); last lines of "
                            + settings.logFile() + ":" + System.lineSeparator() + process.tail(30));
                }
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                            .get(4, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                }
                catch (Exception notYet) {
                    // not ready yet
                }
                if (System.nanoTime() > deadline) {
                    throw new PlatformException("Kafka broker on " + bootstrapServers() + " not ready after "
                            + settings.readyTimeout().toSeconds() + " s; last lines of " + settings.logFile() + ":"
                            + System.lineSeparator() + process.tail(30));
                }
                sleep(250);
            }
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized ManagedProcess process() {
        return process;
    }

    /**
     * Stops the broker process (controlled shutdown, then kill after a grace period) and returns once
     * its ports no longer accept connections, so a restart on the same ports cannot race the old
     * listener; keeps its data.
     */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
            awaitClosed(settings.port());
            awaitClosed(settings.controllerPort());
        }
    }

    private static void awaitClosed(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Ports.listening(port) && System.nanoTime() < deadline) {
            sleep(100);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Path logDir() {
        return settings.directory().resolve("logs");
    }

    String serverProperties() {
        int port = settings.port();
        int controller = settings.controllerPort();
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDir().toAbsolutePath(),
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                // no fsync per message (Kafka's default, and a production broker's, which relies on
                // replication): a killed broker loses nothing (the page cache survives it); only
                // a crash of the machine itself could lose the last seconds. With per-message
                // fsync the broker took 17-21 % of a core at 85-90 uploads/s, without it 14 %.
                "") ;
    }

    private String classpath() {
        Path file = settings.classpathFile();
        if (!Files.isRegularFile(file)) {
            throw new PlatformException("Kafka classpath " + file + " is missing: run ./mvnw -B -q -pl deploy package");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        catch (IOException ex) {
            throw new PlatformException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", ex);
        }
    }
}
