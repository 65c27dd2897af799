package dev.stride.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Load on the whole upload pipeline of a running platform ({@code ./stride up}): HTTPS through the
 * gateway → workout-service stores the encrypted file → Kafka work topic → parse and analysis →
 * workout, streams, stats, records stored → {@code workout-recorded} through the outbox. An upload
 * counts as done when its {@code workout-recorded} event is on the broker, read here by a plain
 * consumer of the events topic; a failed upload shows as an {@code upload-failed} notification
 * request. Every upload is a real Strava GPX export (a 33-minute run, 1,038 points) with its times
 * moved, so that no two are duplicates.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.stride.benchmarks.UploadPipelineLoad \
 *      --gateway=https://127.0.0.1:8443 --data=.stride-data --kafka=127.0.0.1:9092 \
 *      --users=20 --concurrency=16 --duration=PT5M [--gzip=true] [--max-backlog=400] [--spacing=P1D]
 *      [--file=path/to/other.gpx]
 * </pre>
 *
 * <p>{@code --gzip=true} sends each file gzip-compressed ({@code run-N.gpx.gz}), as phone apps
 * upload recordings; the default sends the plain GPX, the largest thing an upload can be.
 * {@code --max-backlog=N} makes the uploaders wait while N accepted uploads are not done yet.
 * {@code --spacing} is the time between one user's consecutive workouts (default one hour, going
 * back in time); {@code P1D} gives each user one workout a day, as athletes record them, instead of
 * 24 a day piling onto the same statistics rows and the same 8-day overlap window.
 */
public final class UploadPipelineLoad {

    private static final String WORKOUT_EVENTS = "stride.workout.events.v1";
    private static final String NOTIFICATION_REQUESTS = "stride.notification.requests.v1";
    private static final Pattern TIME = Pattern.compile("<time>([^<]+)</time>");
    private static final Pattern SUB = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    record Options(URI gateway, Path dataDir, String kafka, int users, int concurrency, Duration duration,
            Duration drainTimeout, Path file, boolean gzip, long maxBacklog, Duration spacing) {

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("arguments are --name=value, got " + arg);
                }
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            return new Options(URI.create(given.getOrDefault("gateway", "https://127.0.0.1:8443")),
                    Path.of(given.getOrDefault("data", ".stride-data")), given.getOrDefault("kafka", "127.0.0.1:9092"),
                    Integer.parseInt(given.getOrDefault("users", "20")),
                    Integer.parseInt(given.getOrDefault("concurrency", "16")),
                    Duration.parse(given.getOrDefault("duration", "PT5M")),
                    Duration.parse(given.getOrDefault("drain-timeout", "PT10M")),
                    Path.of(given.getOrDefault("file",
                            "../shared/testdata/workouts/gpx/sportslib_20170319_run_906581465.gpx")),
                    Boolean.parseBoolean(given.getOrDefault("gzip", "false")),
                    Long.parseLong(given.getOrDefault("max-backlog", Long.toString(Long.MAX_VALUE))),
                    Duration.parse(given.getOrDefault("spacing", "PT1H")));
        }
    }

    /** A load user: its id (the events' key) and a token renewed by logging in again before it expires. */
    private static final class User {
        final String email;
        final String password;
        final AtomicLong sequence = new AtomicLong();
        volatile String id;
        volatile String token;
        volatile long loggedInAt;

        User(String email, String password) {
            this.email = email;
            this.password = password;
        }
    }

    private final Options options;
    private final HttpClient http;
    /** The file cut at its {@code <time>} values: pieces[i], times[i], pieces[i + 1], ... */
    private final List<byte[]> pieces = new ArrayList<>();
    private final List<Instant> times = new ArrayList<>();
    private final int piecesLength;
    private final List<User> users = new ArrayList<>();
    private final Set<String> userIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<Integer, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    private final AtomicLongArray acceptedPerMinute = new AtomicLongArray(24 * 60);
    private final AtomicLongArray donePerMinute = new AtomicLongArray(24 * 60);
    private final java.util.concurrent.CompletableFuture<Void> counting = new java.util.concurrent.CompletableFuture<>();
    private volatile long start;
    private volatile long lastDone;

    private UploadPipelineLoad(Options options) throws Exception {
        this.options = options;
        this.http = HttpClient.newBuilder().sslContext(trusting(options.dataDir().resolve("tls/ca.crt")))
                .connectTimeout(Duration.ofSeconds(10)).build();
        String template = Files.readString(options.file(), StandardCharsets.UTF_8);
        Matcher matcher = TIME.matcher(template);
        int from = 0;
        while (matcher.find()) {
            pieces.add(template.substring(from, matcher.start(1)).getBytes(StandardCharsets.UTF_8));
            times.add(Instant.parse(matcher.group(1)));
            from = matcher.end(1);
        }
        pieces.add(template.substring(from).getBytes(StandardCharsets.UTF_8));
        piecesLength = pieces.stream().mapToInt(p -> p.length).sum();
    }

    public static void main(String[] args) throws Exception {
        new UploadPipelineLoad(Options.parse(args)).run();
    }

    private void run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < options.users(); i++) {
            User user = new User("load-" + run + "-" + i + "@example.org", "Load-" + UUID.randomUUID());
            register(user);
            login(user);
            users.add(user);
            userIds.add(user.id);
        }
        System.out.printf("%d users registered; %d uploaders for %s%n", users.size(), options.concurrency(),
                options.duration());
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Thread counter = new Thread(() -> count(consumer), "event-counter");
            start = System.nanoTime();
            long loadEnd = start + options.duration().toNanos();
            counter.start();
            List<Thread> uploaders = new ArrayList<>();
            for (int i = 0; i < options.concurrency(); i++) {
                int first = i;
                Thread uploader = new Thread(() -> uploadUntil(loadEnd, first), "uploader-" + i);
                uploader.start();
                uploaders.add(uploader);
            }
            for (Thread uploader : uploaders) {
                uploader.join();
            }
            long completedAtLoadEnd = done.get() + failed.get();
            long drainDeadline = System.nanoTime() + options.drainTimeout().toNanos();
            while (done.get() + failed.get() < accepted.get() && System.nanoTime() < drainDeadline) {
                Thread.sleep(200);
            }
            counting.complete(null);
            counter.join();
            report(loadEnd, completedAtLoadEnd);
        }
    }

    private void uploadUntil(long end, int first) {
        int next = first;
        while (System.nanoTime() < end) {
            User user = users.get(next++ % users.size());
            try {
                // with a bounded backlog the tool offers what the pipeline finishes (closed loop), so a
                // long run measures the rate it sustains instead of filling the work topic
                while (accepted.get() - done.get() - failed.get() >= options.maxBacklog() && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                upload(user);
            }
            catch (IOException ex) {
                refusals.computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void upload(User user) throws IOException, InterruptedException {
        if (System.nanoTime() - user.loggedInAt > Duration.ofMinutes(10).toNanos()) {
            synchronized (user) {
                if (System.nanoTime() - user.loggedInAt > Duration.ofMinutes(10).toNanos()) {
                    login(user);
                }
            }
        }
        // --spacing apart per user and in the past: never the same file hash, never overlapping
        long n = user.sequence.incrementAndGet();
        String boundary = "load-" + n + "-" + System.nanoTime();
        byte[] file = shifted(options.spacing().multipliedBy(-n));
        byte[] body = options.gzip() ? multipart(boundary, "run-" + n + ".gpx.gz", "application/gzip", gzip(file))
                : multipart(boundary, "run-" + n + ".gpx", "application/gpx+xml", file);
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(options.gateway()
                .resolve("/api/v1/workouts/uploads")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + user.token).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        long now = System.nanoTime();
        if (response.statusCode() == 202) {
            accepted.incrementAndGet();
            acceptedPerMinute.incrementAndGet(minute(now));
            latenciesMicros.add((now - sent) / 1000);
            return;
        }
        refusals.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
        if (response.statusCode() == 429) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(seconds * 1000);
        }
    }

    /**
     * The file with every time moved; built from the pieces cut once at start, so that the load
     * tool, on the same two cores as the platform, spends as little as it can per upload.
     */
    private byte[] shifted(Duration by) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(piecesLength + times.size() * 24);
        for (int i = 0; i < times.size(); i++) {
            out.writeBytes(pieces.get(i));
            out.writeBytes(times.get(i).plus(by).toString().getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(pieces.get(times.size()));
        return out.toByteArray();
    }

    private void count(KafkaConsumer<String, String> consumer) {
        while (!counting.isDone()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key() == null || !userIds.contains(record.key())) {
                    continue;
                }
                String value = record.value();
                if (record.topic().equals(WORKOUT_EVENTS) && value.contains("\"workout-recorded\"")) {
                    long now = System.nanoTime();
                    done.incrementAndGet();
                    donePerMinute.incrementAndGet(minute(now));
                    lastDone = now;
                }
                else if (record.topic().equals(NOTIFICATION_REQUESTS) && value.contains("upload-failed")) {
                    failed.incrementAndGet();
                }
            }
        }
    }

    /** Reads both topics from their current end, assigned directly: no group, nothing committed. */
    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(WORKOUT_EVENTS, NOTIFICATION_REQUESTS)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the load starts
        return consumer;
    }

    private void report(long loadEnd, long completedAtLoadEnd) {
        double loadSeconds = (loadEnd - start) / 1e9;
        List<Long> latencies = new ArrayList<>(latenciesMicros);
        latencies.sort(null);
        System.out.println();
        System.out.println("minute  accepted  done");
        for (int m = 0; m <= minute(Math.max(lastDone, loadEnd)); m++) {
            System.out.printf("%6d  %8d  %4d%n", m + 1, acceptedPerMinute.get(m), donePerMinute.get(m));
        }
        System.out.printf("load %.0f s: %d accepted (%.1f/s), refused by status %s%n", loadSeconds, accepted.get(),
                accepted.get() / loadSeconds, refusals);
        System.out.printf("upload HTTP latency ms: p50 %.0f, p95 %.0f, p99 %.0f%n", percentile(latencies, 50),
                percentile(latencies, 95), percentile(latencies, 99));
        System.out.printf("done %d, failed %d, still open %d; backlog at load end %d%n", done.get(), failed.get(),
                accepted.get() - done.get() - failed.get(), accepted.get() - completedAtLoadEnd);
        double drainSeconds = (Math.max(lastDone, loadEnd) - start) / 1e9;
        System.out.printf("sustained pipeline throughput: %.1f uploads/s (done events / %.0f s from first upload to last "
                + "event)%n", done.get() / drainSeconds, drainSeconds);
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    private int minute(long nanoTime) {
        return (int) Math.min(acceptedPerMinute.length() - 1, Math.max(0, (nanoTime - start) / 60_000_000_000L));
    }

    private void register(User user) throws IOException, InterruptedException {
        String body = "{\"email\":\"" + user.email + "\",\"password\":\"" + user.password
                + "\",\"displayName\":\"Load\",\"locale\":\"en\",\"timeZone\":\"UTC\"}";
        expect(postJson("/api/v1/auth/register", body), 202, "register " + user.email);
    }

    private void login(User user) throws IOException, InterruptedException {
        HttpResponse<String> response = postJson("/api/v1/auth/login",
                "{\"email\":\"" + user.email + "\",\"password\":\"" + user.password + "\"}");
        expect(response, 200, "login " + user.email);
        Matcher token = TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("no access token in the login answer");
        }
        user.token = token.group(1);
        String claims = new String(Base64.getUrlDecoder().decode(user.token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher sub = SUB.matcher(claims);
        if (!sub.find()) {
            throw new IllegalStateException("no sub claim in the access token");
        }
        user.id = sub.group(1);
        user.loggedInAt = System.nanoTime();
    }

    /** Posts JSON, waiting out 429s (the auth endpoints are rate-limited per IP). */
    private HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(options.gateway().resolve(path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429) {
                return response;
            }
            Thread.sleep(response.headers().firstValueAsLong("Retry-After").orElse(1) * 1000);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static byte[] multipart(String boundary, String fileName, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 256);
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** As a phone app sends a recording: gzip, at the fastest level (the tool shares the platform's cores). */
    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 4);
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            zip.write(content);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** Trusts only the local platform's CA ({@code <data>/tls/ca.crt}), like the services do. */
    private static SSLContext trusting(Path caCert) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caCert)) {
            trust.setCertificateEntry("stride-local-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
