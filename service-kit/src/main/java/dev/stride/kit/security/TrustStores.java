package dev.stride.kit.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An SSL context that trusts only the certificates of one PKCS12 trust store (the platform's CA),
 * for calls to the gateway's JWKS and to other services.
 */
public final class TrustStores {

    private TrustStores() {
    }

    /**
     * A JDK HTTP client for calls inside the platform: never follows redirects and trusts only the
     * platform CA when {@code stride.tls.trust-store} is set (else the JDK's default trust).
     */
    public static java.net.http.HttpClient httpClient(org.springframework.core.env.Environment environment,
            java.time.Duration connectTimeout) {
        java.net.http.HttpClient.Builder http = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER);
        String trustStore = environment.getProperty("stride.tls.trust-store");
        if (trustStore != null && !trustStore.isBlank()) {
            http.sslContext(sslContext(trustStore, environment.getProperty("stride.tls.trust-store-password")));
        }
        return http.build();
    }

    public static SSLContext sslContext(String trustStore, String password) {
        try (InputStream in = Files.newInputStream(Path.of(trustStore))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? new char[0] : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
        catch (IOException | GeneralSecurityException ex) {
            throw new IllegalStateException("cannot load trust store " + trustStore + ": " + ex.getMessage(), ex);
        }
    }
}
