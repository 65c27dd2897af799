package dev.stride.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/** Stands in for the routed services: answers every request with its path and headers as JSON. */
public final class EchoUpstream {

    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    private EchoUpstream(HttpServer server) {
        this.server = server;
    }

    static EchoUpstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            EchoUpstream upstream = new EchoUpstream(server);
            JsonMapper json = JsonMapper.builder().build();
            server.createContext("/", exchange -> {
                upstream.hits.incrementAndGet();
                Map<String, Object> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("path", exchange.getRequestURI().getRawPath());
                body.put("headers", headers);
                byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "echo-upstream");
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
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int hits() {
        return hits.get();
    }
}
