package dev.stride.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The shop partner API as WireMock standalone in its own JVM. Static mappings live in
 * {@code deploy/shop-simulator} (see docs/shop-api.md); at start the launcher adds one in-memory
 * mapping that rejects every API key but the generated one.
 */
public final class ShopSimulator implements AutoCloseable {

    private final Path jar;
    private final Path rootDir;
    private final int port;
    private final Path workDir;
    private final Path logFile;
    private ManagedProcess process;

    public ShopSimulator(Path jar, Path rootDir, int port, Path workDir, Path logFile) {
        this.jar = jar;
        this.rootDir = rootDir;
        this.port = port;
        this.workDir = workDir;
        this.logFile = logFile;
    }

    /** Starts WireMock, waits until it answers, then accepts only {@code apiKey}. */
    public void start(String apiKey, Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new PlatformException("WireMock jar " + jar + " is missing: run ./mvnw -B -q -pl deploy package");
        }
        if (!Files.isDirectory(rootDir.resolve("mappings"))) {
            throw new PlatformException("shop simulator mappings not found in " + rootDir);
        }
        process = ManagedProcess.start("shop-simulator", List.of(Java.java(), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--port", String.valueOf(port), "--bind-address",
                "127.0.0.1", "--root-dir", rootDir.toAbsolutePath().toString(), "--disable-banner",
                "--max-request-journal-entries", "1000", "--container-threads", "20"), Map.of(), workDir, logFile);
        Http.awaitReady("shop simulator", process, baseUrl() + "/__admin/health", r -> r.statusCode() == 200, timeout);
        requireApiKey(apiKey);
    }

    private void requireApiKey(String apiKey) {
        String quoted = apiKey.replace("\\", "\\\\").replace("\"", "\\\"");
        String mapping = """
                {"priority": 2,
                 "request": {"urlPattern": "/v1/.*", "headers": {"X-Api-Key": {"doesNotMatch": "\\\\Q%s\\\\E"}}},
                 "response": {"status": 401, "headers": {"Content-Type": "application/problem+json"},
                              "jsonBody": {"type": "https://shop.example/problems/invalid-api-key",
                                           "title": "Unauthorized", "status": 401,
                                           "detail": "The X-Api-Key header is not a valid API key."}}}
                """.formatted(quoted);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/__admin/mappings")).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(mapping))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new PlatformException("shop simulator refused the API key mapping: HTTP " + response.statusCode()
                        + " " + response.body());
            }
        }
        catch (IOException ex) {
            throw new PlatformException("cannot configure the shop simulator: " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", ex);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    public void stop() {
        if (process != null) {
            process.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
