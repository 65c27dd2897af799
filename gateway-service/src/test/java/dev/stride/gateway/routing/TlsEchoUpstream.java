package dev.stride.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTPS service instance: answers every request with its name, path, headers and the number
 * of body bytes it read, as JSON.
 */
public final class TlsEchoUpstream {

    private final HttpsServer server;
    private final String name;
    private final AtomicInteger hits = new AtomicInteger();

    private TlsEchoUpstream(HttpsServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public static TlsEchoUpstream start(String name, SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            TlsEchoUpstream upstream = new TlsEchoUpstream(server, name);
            JsonMapper json = JsonMapper.builder().build();
            server.createContext("/", exchange -> {
                upstream.hits.incrementAndGet();
                long bodyBytes = 0;
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] chunk = new byte[16384];
                    for (int n; (n = in.read(chunk)) >= 0;) {
                        bodyBytes += n;
                    }
                }
                Map<String, Object> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((h, values) -> headers.put(h.toLowerCase(), String.join(",", values)));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("instance", name);
                body.put("tls", true);
                body.put("path", exchange.getRequestURI().getRawPath());
                body.put("bodyBytes", bodyBytes);
                body.put("headers", headers);
                byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                // an upstream trying to weaken the edge's headers
                exchange.getResponseHeaders().set("Content-Security-Policy", "default-src *");
                exchange.getResponseHeaders().set("Server", "echo/1.0");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "tls-echo-" + name);
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return upstream;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String uri() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    public String name() {
        return name;
    }

    public int hits() {
        return hits.get();
    }
}
