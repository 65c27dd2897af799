package dev.stride.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Small HTTP helpers over the JDK client: readiness polling. */
final class Http {

    private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {
    }

    static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Polls {@code url} until {@code ready} accepts the response, the process dies, or the timeout
     * passes.
     */
    static void awaitReady(String component, ManagedProcess process, String url, Predicate<HttpResponse<String>> ready,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (true) {
            if (!process.isAlive()) {
                throw new ServiceStartException(component, process, "exited with code " + process.exitValue());
            }
            try {
                HttpResponse<String> response = get(PLAIN, url);
                if (ready.test(response)) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
            }
            catch (IOException ex) {
                last = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new PlatformException("interrupted while waiting for " + component, ex);
            }
            if (System.nanoTime() > deadline) {
                throw new ServiceStartException(component, process,
                        "not ready after " + timeout.toSeconds() + " s (" + url + " -> " + last + ")");
            }
            KafkaBroker.sleep(500);
        }
    }

    static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
