package dev.stride.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

/**
 * A throwaway self-signed PKCS#12 keystore for localhost/127.0.0.1 made with the JDK's keytool,
 * and clients that trust exactly that certificate.
 */
public final class TestTls {

    private final Path keyStore;
    private final String password;
    private final TrustManagerFactory trustManagers;

    private TestTls(Path keyStore, String password, TrustManagerFactory trustManagers) {
        this.keyStore = keyStore;
        this.password = password;
        this.trustManagers = trustManagers;
    }

    static TestTls create() {
        try {
            Path dir = Files.createTempDirectory("gateway-test-tls");
            Path file = dir.resolve("gateway.p12");
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "gateway", "-keyalg", "RSA",
                    "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password, "-keypass", password)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password.toCharArray());
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("gateway", store.getCertificate("gateway"));
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            return new TestTls(file, password, trustManagers);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public Path keyStore() {
        return keyStore;
    }

    public String password() {
        return password;
    }

    /** A JDK TLS context that trusts exactly the test certificate (for raw {@code SSLSocket}s). */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public WebTestClient client(String baseUrl) {
        return client(baseUrl, HttpProtocol.H2, HttpProtocol.HTTP11);
    }

    public WebTestClient client(String baseUrl, HttpProtocol... protocols) {
        // Http2SslContextSpec advertises h2 and http/1.1 by ALPN; the server picks.
        HttpClient http = HttpClient.create()
                .secure(spec -> spec.sslContext(Http2SslContextSpec.forClient().configure(builder -> builder.trustManager(trustManagers))))
                .protocol(protocols);
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http)).baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }
}
