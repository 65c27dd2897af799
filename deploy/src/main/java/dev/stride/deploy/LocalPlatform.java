package dev.stride.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.stride.kit.crypto.FieldCipher;
import dev.stride.kit.db.DatabaseProvisioner;
import dev.stride.kit.db.PostgresLocator;
import dev.stride.kit.db.PostgresServer;
import dev.stride.kit.db.ServiceDatabase;
import dev.stride.kit.test.EmbeddedPostgresServer;

/**
 * The local Stride platform: PostgreSQL, Kafka, GreenMail, the shop simulator, TLS material and the
 * five services as separate processes. {@link #main} is {@code ./stride up}; tests call
 * {@link #start(PlatformConfig, PrintStream)} and {@link #stop()}.
 */
public final class LocalPlatform implements AutoCloseable {

    private final PlatformConfig config;
    private final PrintStream out;
    private final List<ManagedProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> stoppers = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopping;
    private boolean stopped;
    private KafkaBroker kafka;
    private LocalCertificates.TlsMaterial tls;
    private MailServer mail;
    private ShopSimulator shop;
    private PostgresServer postgres;

    public LocalPlatform(PlatformConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** Starts everything; on any failure stops what was started and rethrows. */
    public static LocalPlatform start(PlatformConfig config, PrintStream out) {
        LocalPlatform platform = new LocalPlatform(config, out);
        platform.startAll();
        return platform;
    }

    public void startAll() {
        long begin = System.nanoTime();
        try {
            config.ports().requireAllFree();
            requireArtifacts();
            Files.createDirectories(config.logDir());
            Secrets secrets = new Secrets(config.dataDir().resolve("secrets.properties"));

            Map<String, ServiceDatabase> databases = step("PostgreSQL", () -> provisionDatabase(secrets));
            kafka = new KafkaBroker(new KafkaBroker.Settings(config.dataDir().resolve("kafka"), config.ports().kafka(),
                    config.ports().kafkaController(), config.kafkaClasspathFile(), config.logFile("kafka")));
            stoppers.add(kafka::stop);
            step("Kafka broker (KRaft) on " + kafka.bootstrapServers(), () -> {
                try {
                    kafka.start();
                }
                finally {
                    if (kafka.process() != null) {
                        processes.add(kafka.process());
                    }
                }
                return null;
            });
            abortIfStopping();
            mail = new MailServer(config.greenMailJar(), config.ports().smtp(), config.ports().mailApi(), config.dataDir(),
                    config.logFile("greenmail"));
            stoppers.add(mail::stop);
            step("GreenMail (SMTP " + config.ports().smtp() + ", viewer " + config.ports().mailApi() + ")", () -> {
                try {
                    mail.start(Duration.ofSeconds(60));
                }
                finally {
                    track(mail.process());
                }
                return null;
            });
            abortIfStopping();
            String shopApiKey = secrets.get("shop.api-key", () -> Secrets.random(24));
            shop = new ShopSimulator(config.wireMockJar(), config.shopSimulatorRoot(), config.ports().shop(),
                    config.dataDir(), config.logFile("shop-simulator"));
            stoppers.add(shop::stop);
            step("shop simulator (WireMock) on " + shop.baseUrl(), () -> {
                try {
                    shop.start(shopApiKey, Duration.ofSeconds(60));
                }
                finally {
                    track(shop.process());
                }
                return null;
            });
            tls = step("TLS material in " + config.dataDir().resolve("tls"),
                    () -> new LocalCertificates(config.dataDir().resolve("tls"), secrets).ensure(config.services().stream()
                            .filter(service -> !service.isGateway()).map(StrideService::name).toList()));

            Map<String, String> clientSecrets = new LinkedHashMap<>();
            Map<String, String> aeadKeysets = new LinkedHashMap<>();
            for (StrideService service : config.services()) {
                // one keyset per service: a leaked key exposes one service's data, not every one's
                aeadKeysets.put(service.name(), secrets.get("crypto.aead-keyset." + service.name(),
                        FieldCipher::generateKeyset));
                if (!service.isGateway()) {
                    clientSecrets.put(service.name(), secrets.get("client." + service.name() + ".secret",
                            () -> Secrets.random(32)));
                }
            }
            Path keys = config.dataDir().resolve("keys");
            Files.createDirectories(keys);
            ServiceEnvironment environment = new ServiceEnvironment(config, new ServiceEnvironment.Shared(
                    kafka.bootstrapServers(), tls, shop.baseUrl(), shopApiKey, clientSecrets,
                    aeadKeysets,
                    secrets.get("crypto.blind-index-key", Secrets::newKey32),
                    keys.resolve("signing-key.pem").toString(), config.ports().smtp(),
                    secrets.get("notifications.unsubscribe-key", Secrets::newKey32)));

            List<StrideService> services = config.services();
            abortIfStopping();
            startServices(List.of(services.get(0)), environment, databases);
            abortIfStopping();
            startServices(services.subList(1, services.size()), environment, databases);
            out.printf("Stride is up in %d s.%n", seconds(begin));
            if (config.seedDemo()) {
                step("demo data", () -> {
                    List<String> problems = new DemoSeeder(TlsClients.httpClient(tls), gatewayUrl(), out).seed();
                    problems.forEach(p -> out.println("  ! " + p));
                    return null;
                });
            }
        }
        catch (IOException ex) {
            stop();
            throw new PlatformException(ex.getMessage(), ex);
        }
        catch (RuntimeException ex) {
            stop();
            throw ex;
        }
    }

    private Map<String, ServiceDatabase> provisionDatabase(Secrets secrets) {
        try {
            postgres = new PostgresLocator(Optional::empty, EmbeddedPostgresServer::start).locate(config.dbUrlVariable());
        }
        catch (IllegalStateException ex) {
            throw new PlatformException(oneLine(ex.getMessage()), ex);
        }
        out.println("  using " + postgres);
        Map<String, String> schemas = new LinkedHashMap<>();
        config.services().forEach(s -> schemas.put(s.name(), s.schema()));
        String password = secrets.get("db.password", () -> Secrets.random(24));
        Map<String, ServiceDatabase> databases;
        try {
            databases = new DatabaseProvisioner(postgres).provision(config.database(), config.rolePrefix(), schemas,
                    password);
        }
        catch (IllegalStateException ex) {
            throw new PlatformException(oneLine(ex.getMessage()), ex);
        }
        if (config.dropDatabaseOnStop()) {
            PostgresServer server = postgres;
            stoppers.add(0, () -> new DatabaseProvisioner(server).drop(config.database(), config.rolePrefix(),
                    List.copyOf(schemas.values())));
        }
        return databases;
    }

    private void startServices(List<StrideService> services, ServiceEnvironment environment,
            Map<String, ServiceDatabase> databases) {
        Map<StrideService, ManagedProcess> started = new LinkedHashMap<>();
        long begin = System.nanoTime();
        for (StrideService service : services) {
            out.printf("Starting %s on %s (management %d) ...%n", service.name(), service.baseUrl(),
                    service.managementPort());
            ManagedProcess process = ManagedProcess.start(service.name(), environment.command(service),
                    environment.forService(service, databases.get(service.name())), config.repoRoot(),
                    config.logFile(service.name()));
            track(process);
            started.put(service, process);
        }
        ExecutorService pool = Executors.newFixedThreadPool(services.size());
        try {
            Map<StrideService, Future<?>> waits = new LinkedHashMap<>();
            started.forEach((service, process) -> waits.put(service, pool.submit(() -> {
                Http.awaitReady(service.name(), process, service.readinessUrl(), r -> r.statusCode() == 200
                        && r.body().contains("\"UP\""), config.serviceReadyTimeout());
                out.printf("  %s ready in %d s%n", service.name(), seconds(begin));
            })));
            for (Future<?> wait : waits.values()) {
                try {
                    wait.get();
                }
                catch (ExecutionException ex) {
                    if (ex.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new PlatformException(ex.getCause().getMessage(), ex.getCause());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new PlatformException("interrupted while waiting for the services", ex);
                }
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    private void track(ManagedProcess process) {
        if (process == null) {
            return;
        }
        processes.add(process);
        stoppers.add(process::stop);
        if (stopping) {
            process.stop();
        }
    }

    private void abortIfStopping() {
        if (stopping) {
            throw new PlatformException("start aborted: the platform is stopping");
        }
    }

    private <T> T step(String what, java.util.function.Supplier<T> action) {
        out.println("Starting " + what + " ...");
        long begin = System.nanoTime();
        T result = action.get();
        out.printf("  %s ready in %d s%n", what.replaceAll(" \\(.*| on .*| in .*", ""), seconds(begin));
        return result;
    }

    private void requireArtifacts() {
        List<Path> missing = new ArrayList<>();
        for (Path path : List.of(config.kafkaClasspathFile(), config.greenMailJar(), config.wireMockJar())) {
            if (!Files.isRegularFile(path)) {
                missing.add(path);
            }
        }
        for (StrideService service : config.services()) {
            Path jar = service.jar(config.repoRoot(), PlatformConfig.VERSION);
            if (!Files.isRegularFile(jar)) {
                missing.add(jar);
            }
        }
        if (!missing.isEmpty()) {
            throw new PlatformException("missing build output " + missing + ": run ./mvnw -B -q -DskipTests install "
                    + "(./stride up does it for you)");
        }
    }

    /** Stops every process this platform started, services first, then the infrastructure. Idempotent. */
    public void stop() {
        stopping = true;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        List<ManagedProcess> started;
        synchronized (processes) {
            started = new ArrayList<>(processes);
        }
        Collections.reverse(started);
        // services in parallel (each gets SIGTERM, then SIGKILL after the grace period), infrastructure after
        List<ManagedProcess> services = started.stream().filter(p -> p.name().endsWith("-service")).toList();
        List<Thread> threads = new ArrayList<>();
        for (ManagedProcess service : services) {
            Thread thread = new Thread(service::stop, "stop-" + service.name());
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        List<Runnable> rest;
        synchronized (stoppers) {
            rest = new ArrayList<>(stoppers);
        }
        Collections.reverse(rest);
        for (Runnable stopper : rest) {
            try {
                stopper.run();
            }
            catch (RuntimeException ex) {
                out.println("  ! while stopping: " + oneLine(String.valueOf(ex.getMessage())));
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isStopped() {
        return stopped;
    }

    /** Every process started (with descendants seen), for checks that nothing is left running. */
    public List<ProcessHandle> processHandles() {
        List<ProcessHandle> handles = new ArrayList<>();
        synchronized (processes) {
            processes.forEach(p -> handles.addAll(p.handles()));
        }
        return handles;
    }

    public List<ManagedProcess> processes() {
        synchronized (processes) {
            return List.copyOf(processes);
        }
    }

    public PlatformConfig config() {
        return config;
    }

    public LocalCertificates.TlsMaterial tls() {
        return tls;
    }

    public String gatewayUrl() {
        return config.gatewayUrl();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public String mailViewerUrl() {
        return mail.apiUrl();
    }

    /** The "where to go" text printed after a successful start. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        String nl = System.lineSeparator();
        text.append("Where to go:").append(nl);
        text.append("  Gateway (HTTPS, local CA)  ").append(gatewayUrl()).append("   e.g. ").append(gatewayUrl())
                .append("/.well-known/openid-configuration").append(nl);
        text.append("  Trust the local CA         curl --cacert ").append(tls.caCertificate()).append(' ')
                .append(gatewayUrl()).append("/.well-known/jwks.json").append(nl);
        for (StrideService service : config.services()) {
            text.append(String.format("  %-26s %s/swagger-ui.html   management http://127.0.0.1:%d/actuator/health%n",
                    service.name(), service.baseUrl(), service.managementPort()));
        }
        text.append("  Mail viewer (GreenMail)    ").append(mail.apiUrl()).append("/   messages: ").append(mail.apiUrl())
                .append("/api/user/<email>/messages/   SMTP 127.0.0.1:").append(config.ports().smtp()).append(nl);
        text.append("  Shop simulator (WireMock)  ").append(shop.baseUrl()).append("/v1/catalog/products (X-Api-Key)   ")
                .append(shop.baseUrl()).append("/__admin/requests").append(nl);
        text.append("  Kafka                      ").append(kafka.bootstrapServers()).append(nl);
        text.append("  PostgreSQL                 ").append(postgres.host()).append(':').append(postgres.port())
                .append(" database ").append(config.database()).append(nl);
        text.append("  Logs                       ").append(config.logDir()).append(nl);
        text.append("  Secrets and TLS            ").append(config.dataDir()).append(" (secrets.properties, tls/)")
                .append(nl);
        text.append("Stop with Ctrl-C (every process started here is stopped).");
        return text.toString();
    }

    static long seconds(long sinceNanos) {
        return Math.round((System.nanoTime() - sinceNanos) / 1e9);
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // the readiness probe's AdminClient warns on every refused connection while the broker boots
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println("stride: " + ex.getMessage());
            System.err.println(LauncherOptions.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LauncherOptions.usage());
            return;
        }
        PlatformConfig config = PlatformConfig.defaults(options.repoRoot()).withSeedDemo(options.seedDemo());
        if (options.dataDir() != null) {
            config = config.withDataDir(options.dataDir());
        }
        LocalPlatform platform = new LocalPlatform(config, System.out);
        CountDownLatch exit = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            boolean started = !platform.processes().isEmpty() && !platform.isStopped();
            if (started) {
                System.out.println();
                System.out.println("Stopping Stride ...");
            }
            platform.stop();
            if (started) {
                System.out.println("Stopped: no process of the platform is left.");
            }
            exit.countDown();
        }, "stride-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            platform.startAll();
        }
        catch (PortInUseException ex) {
            System.err.println("stride: " + ex.getMessage());
            System.exit(1);
        }
        catch (RuntimeException ex) {
            System.err.println("stride: " + ex.getMessage());
            System.err.println("stride: everything that was started has been stopped; logs are in " + config.logDir());
            System.exit(1);
        }
        System.out.println(platform.summary());
        try {
            exit.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
