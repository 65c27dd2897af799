package dev.stride.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificatesTest {

    @TempDir
    Path dataDir;

    @Test
    void createsCaAndGatewayCertificateWithKeytoolOnce() throws Exception {
        Secrets secrets = new Secrets(dataDir.resolve("secrets.properties"));
        LocalCertificates.TlsMaterial tls = new LocalCertificates(dataDir.resolve("tls"), secrets)
                .ensure(List.of("workout-service"));

        KeyStore keyStore = load(tls.keyStore(), tls.keyStorePassword());
        assertThat(Collections.list(keyStore.aliases())).containsExactly(LocalCertificates.SERVER_ALIAS);
        Certificate[] chain = keyStore.getCertificateChain(LocalCertificates.SERVER_ALIAS);
        assertThat(chain).hasSize(2);
        X509Certificate server = (X509Certificate) chain[0];
        X509Certificate ca = (X509Certificate) chain[1];
        assertThat(server.getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(server.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        server.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getSubjectAlternativeNames()).extracting(san -> san.get(1).toString())
                .contains("localhost", "127.0.0.1");

        KeyStore trustStore = load(tls.trustStore(), tls.trustStorePassword());
        List<String> trusted = Collections.list(trustStore.aliases());
        assertThat(trusted).hasSize(1);
        assertThat(trustStore.isCertificateEntry(trusted.get(0))).isTrue();
        assertThat(trustStore.getCertificate(trusted.get(0))).isEqualTo(ca);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.keyStore()))).isEqualTo("rw-------");

        KeyStore service = load(tls.keyStore("workout-service"), tls.keyStorePassword());
        X509Certificate serviceCert = (X509Certificate) service.getCertificateChain("workout-service")[0];
        serviceCert.verify(ca.getPublicKey());
        assertThat(serviceCert.getSubjectX500Principal().getName()).contains("OU=workout-service");

        byte[] before = Files.readAllBytes(tls.keyStore());
        LocalCertificates.TlsMaterial again = new LocalCertificates(dataDir.resolve("tls"),
                new Secrets(dataDir.resolve("secrets.properties"))).ensure(List.of("workout-service"));
        assertThat(Files.readAllBytes(again.keyStore())).isEqualTo(before);
        assertThat(again.keyStorePassword()).isEqualTo(tls.keyStorePassword());
    }

    @Test
    void httpsServerWithTheGatewayCertificateIsTrustedThroughTheLocalCaOnly() throws Exception {
        LocalCertificates.TlsMaterial tls = new LocalCertificates(dataDir.resolve("tls"),
                new Secrets(dataDir.resolve("secrets.properties"))).ensure(List.of());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(tls.keyStore(), tls.keyStorePassword()), tls.keyStorePassword().toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            for (String host : List.of("localhost", "127.0.0.1")) {
                HttpResponse<String> response = TlsClients.httpClient(tls).send(
                        HttpRequest.newBuilder(URI.create("https://" + host + ":" + port + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("hello");
            }
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
        }
        finally {
            server.stop(0);
        }
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
