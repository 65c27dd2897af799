package dev.stride.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** HTTPS clients that trust only the local CA (never "trust all"). */
public final class TlsClients {

    private TlsClients() {
    }

    public static SSLContext trusting(Path trustStore, String password) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        }
        catch (IOException | GeneralSecurityException ex) {
            throw new PlatformException("cannot load trust store " + trustStore + ": " + ex.getMessage(), ex);
        }
    }

    public static HttpClient httpClient(LocalCertificates.TlsMaterial tls) {
        return HttpClient.newBuilder().sslContext(trusting(tls.trustStore(), tls.trustStorePassword()))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }
}
