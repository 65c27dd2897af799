package dev.stride.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker in its own process, started from jars on a classpath
 * (Maven-resolved {@code kafka_2.13}). Unlike the in-JVM embedded broker it can be stopped and
 * started again on the same port and log folder, which is what outage tests need.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final String classpath;
    private final String heap;
    private Process process;

    private KafkaBrokerProcess(Path dataDir, int port, String classpath, String heap) {
        this.dataDir = dataDir;
        this.port = port;
        this.classpath = classpath;
        this.heap = heap;
    }

    /**
     * Formats the log folder on first use and starts the broker on {@code port} (controller on
     * {@code port + 1}), returning once it answers.
     */
    public static KafkaBrokerProcess start(Path dataDir, int port, String classpath, String heap, Duration timeout) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dataDir, port, classpath, heap);
        broker.format();
        broker.startAndWait(timeout);
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return dataDir.resolve("broker.log");
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 20 s) and waits for it to exit. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public void startAndWait(Duration timeout) {
        Path config = dataDir.resolve("server.properties");
        List<String> command = java(heap, "kafka.Kafka", config.toString());
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot start Kafka broker", ex);
        }
        awaitReady(timeout);
    }

    @Override
    public void close() {
        stop();
    }

    private void format() {
        try {
            Files.createDirectories(dataDir.resolve("logs"));
            Path config = dataDir.resolve("server.properties");
            if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                return;
            }
            Properties props = new Properties();
            props.setProperty("process.roles", "broker,controller");
            props.setProperty("node.id", "1");
            props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + (port + 1));
            props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1));
            props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            props.setProperty("controller.listener.names", "CONTROLLER");
            props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.setProperty("inter.broker.listener.name", "PLAINTEXT");
            props.setProperty("log.dirs", dataDir.resolve("logs").toString());
            props.setProperty("num.partitions", "6");
            props.setProperty("offsets.topic.replication.factor", "1");
            props.setProperty("transaction.state.log.replication.factor", "1");
            props.setProperty("transaction.state.log.min.isr", "1");
            props.setProperty("min.insync.replicas", "1");
            props.setProperty("default.replication.factor", "1");
            props.setProperty("group.initial.rebalance.delay.ms", "0");
            props.setProperty("auto.create.topics.enable", "false");
            try (var out = Files.newBufferedWriter(config)) {
                props.store(out, "single-node KRaft broker for local runs and tests");
            }
            run(java("-Xmx256m", "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                    config.toString()), Duration.ofSeconds(60));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot prepare Kafka data folder " + dataDir, ex);
        }
    }

    private List<String> java(String heapOption, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heapOption);
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private void run(List<String> command, Duration timeout) throws IOException {
        Process tool = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
        try {
            if (!tool.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || tool.exitValue() != 0) {
                tool.destroyForcibly();
                throw new IllegalStateException("Kafka storage format failed; see " + logFile());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", ex);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + "; see " + logFile());
            }
            try (Admin admin = Admin.create(props)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            }
            catch (Exception notYet) {
                sleep(300);
            }
        }
        stop();
        throw new IllegalStateException("Kafka broker not ready within " + timeout + "; see " + logFile());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
