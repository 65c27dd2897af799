package dev.stride.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A local certificate authority and one server certificate per service (SAN localhost, 127.0.0.1)
 * signed by it, made once with the JDK's keytool and kept in {@code <data>/tls/}:
 * {@code <service>.p12} (key + chain) and {@code ca-truststore.p12} (the CA certificate only), so
 * that every hop inside the platform is HTTPS and clients trust only this CA.
 */
public final class LocalCertificates {

    /** Files and passwords the gateway (keystore) and its clients (truststore) need. */
    public record TlsMaterial(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
            Path caCertificate) {

        /** The keystore of {@code server} ("gateway" or a service's name), beside the gateway's. */
        public Path keyStore(String server) {
            return keyStore.resolveSibling(server + ".p12");
        }
    }

    static final String SERVER_ALIAS = "gateway";
    static final String CA_ALIAS = "stride-local-ca";

    private final Path tlsDir;
    private final Secrets secrets;

    public LocalCertificates(Path tlsDir, Secrets secrets) {
        this.tlsDir = tlsDir;
        this.secrets = secrets;
    }

    /** Creates the CA and the certificates of the gateway and {@code services} unless they exist. */
    public TlsMaterial ensure(List<String> services) {
        String keyStorePassword = secrets.get("tls.keystore.password", () -> Secrets.random(24));
        String trustStorePassword = secrets.get("tls.truststore.password", () -> Secrets.random(24));
        Path keyStore = tlsDir.resolve("gateway.p12");
        Path trustStore = tlsDir.resolve("ca-truststore.p12");
        Path caCert = tlsDir.resolve("ca.crt");
        TlsMaterial material = new TlsMaterial(keyStore, keyStorePassword, trustStore, trustStorePassword, caCert);
        if (Files.isRegularFile(keyStore) && Files.isRegularFile(trustStore) && Files.isRegularFile(caCert)
                && services.stream().allMatch(service -> Files.isRegularFile(material.keyStore(service)))) {
            return material;
        }
        try {
            Files.createDirectories(tlsDir);
            for (String name : List.of("ca.p12", "ca-truststore.p12", "ca.crt")) {
                Files.deleteIfExists(tlsDir.resolve(name));
            }
            String caPassword = secrets.get("tls.ca.password", () -> Secrets.random(24));
            Path caStore = tlsDir.resolve("ca.p12");
            keytool("-genkeypair", "-alias", CA_ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                    "-dname", "CN=Stride Local Development CA,O=Stride", "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign",
                    "-keystore", caStore.toString(), "-storetype", "PKCS12", "-storepass", caPassword);
            keytool("-exportcert", "-rfc", "-alias", CA_ALIAS, "-keystore", caStore.toString(), "-storepass", caPassword,
                    "-file", caCert.toString());
            List<String> servers = new ArrayList<>(List.of(SERVER_ALIAS));
            servers.addAll(services);
            for (String server : servers) {
                serverCertificate(server, material.keyStore(server), keyStorePassword, caStore, caPassword, caCert);
            }
            keytool("-importcert", "-noprompt", "-alias", CA_ALIAS, "-file", caCert.toString(), "-keystore",
                    trustStore.toString(), "-storetype", "PKCS12", "-storepass", trustStorePassword);
            Secrets.ownerOnly(caStore);
            Secrets.ownerOnly(trustStore);
        }
        catch (IOException ex) {
            throw new PlatformException("cannot create TLS material in " + tlsDir + ": " + ex.getMessage(), ex);
        }
        return material;
    }

    private void serverCertificate(String server, Path keyStore, String password, Path caStore, String caPassword,
            Path caCert) throws IOException {
        Path csr = tlsDir.resolve(server + ".csr");
        Path signed = tlsDir.resolve(server + ".crt");
        for (Path stale : List.of(keyStore, csr, signed)) {
            Files.deleteIfExists(stale);
        }
        keytool("-genkeypair", "-alias", server, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "825",
                "-dname", "CN=localhost,O=Stride,OU=" + server, "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", password);
        keytool("-certreq", "-alias", server, "-keystore", keyStore.toString(), "-storepass", password, "-file",
                csr.toString());
        keytool("-gencert", "-alias", CA_ALIAS, "-keystore", caStore.toString(), "-storepass", caPassword, "-infile",
                csr.toString(), "-outfile", signed.toString(), "-rfc", "-validity", "825",
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-ext", "ku:c=digitalSignature,keyAgreement",
                "-ext", "eku=serverAuth");
        keytool("-importcert", "-noprompt", "-alias", CA_ALIAS, "-file", caCert.toString(), "-keystore",
                keyStore.toString(), "-storepass", password);
        keytool("-importcert", "-alias", server, "-file", signed.toString(), "-keystore", keyStore.toString(),
                "-storepass", password);
        // the CA entry was only needed to build the chain: the keystore keeps one key entry
        keytool("-delete", "-alias", CA_ALIAS, "-keystore", keyStore.toString(), "-storepass", password);
        Files.deleteIfExists(csr);
        Secrets.ownerOnly(keyStore);
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Java.keytool());
        command.addAll(List.of(args));
        ManagedProcess.run("keytool " + args[0], command, tlsDir, Duration.ofSeconds(60));
    }
}
