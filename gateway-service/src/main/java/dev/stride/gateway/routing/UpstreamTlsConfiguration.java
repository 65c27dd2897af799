package dev.stride.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.TrustManagerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.netty.http.Http11SslContextSpec;

/**
 * HTTPS to the services: when {@code stride.tls.trust-store} (PKCS#12, {@code STRIDE_TLS_TRUST_STORE})
 * and its password ({@code STRIDE_TLS_TRUST_STORE_PASSWORD}) are set, the gateway's HTTP client
 * trusts exactly the certificates in that store (the local CA, or the internal CA in production)
 * instead of the JDK's public CAs; host names are verified (Reactor Netty's default). An upstream
 * with a certificate from any other issuer fails the handshake (502 problem).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("stride.tls.trust-store")
class UpstreamTlsConfiguration {

    @Bean
    HttpClientCustomizer upstreamTrust(@Value("${stride.tls.trust-store}") Path trustStore,
            @Value("${stride.tls.trust-store-password:}") String password,
            @Value("${stride.tls.handshake-timeout:PT5S}") Duration handshakeTimeout) {
        TrustManagerFactory trustManagers = trustManagers(trustStore, password);
        return client -> client.secure(spec -> spec
                .sslContext(Http11SslContextSpec.forClient().configure(builder -> builder.trustManager(trustManagers)))
                .handshakeTimeout(handshakeTimeout));
    }

    static TrustManagerFactory trustManagers(Path trustStore, String password) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            if (store.size() == 0) {
                throw new IllegalStateException("stride.tls.trust-store " + trustStore + " holds no certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read stride.tls.trust-store " + trustStore, ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot load stride.tls.trust-store " + trustStore, ex);
        }
    }
}
