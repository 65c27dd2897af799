package dev.stride.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A local certificate authority and a gateway server certificate (SAN localhost, 127.0.0.1) signed by
 * it, made once with the JDK's keytool and kept in {@code <data>/tls/}:
 * {@code gateway.p12} (key + chain) and {@code ca-truststore.p12} (the CA certificate only).
 */
public final class LocalCertificates {

    /** Files and passwords the gateway (keystore) and its clients (truststore) need. */
    public record TlsMaterial(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
            Path caCertificate) {
    }

    static final String SERVER_ALIAS = "gateway";
    static final String CA_ALIAS = "stride-local-ca";

    private final Path tlsDir;
    private final Secrets secrets;

    public LocalCertificates(Path tlsDir, Secrets secrets) {
        this.tlsDir = tlsDir;
        this.secrets = secrets;
    }

    /** Creates the CA and the gateway certificate unless both stores already exist. */
    public TlsMaterial ensure() {
        String keyStorePassword = secrets.get("tls.keystore.password", () -> Secrets.random(24));
        String trustStorePassword = secrets.get("tls.truststore.password", () -> Secrets.random(24));
        Path keyStore = tlsDir.resolve("gateway.p12");
        Path trustStore = tlsDir.resolve("ca-truststore.p12");
        Path caCert = tlsDir.resolve("ca.crt");
        if (Files.isRegularFile(keyStore) && Files.isRegularFile(trustStore) && Files.isRegularFile(caCert)) {
            return new TlsMaterial(keyStore, keyStorePassword, trustStore, trustStorePassword, caCert);
        }
        try {
            Files.createDirectories(tlsDir);
            for (String name : List.of("ca.p12", "gateway.p12", "ca-truststore.p12", "ca.crt", "gateway.csr",
                    "gateway.crt")) {
                Files.deleteIfExists(tlsDir.resolve(name));
            }
            String caPassword = secrets.get("tls.ca.password", () -> Secrets.random(24));
            Path caStore = tlsDir.resolve("ca.p12");
            keytool("-genkeypair", "-alias", CA_ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                    "-dname", "CN=Stride Local Development CA,O=Stride", "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign",
                    "-keystore", caStore.toString(), "-storetype", "PKCS12", "-storepass", caPassword);
            keytool("-exportcert", "-rfc", "-alias", CA_ALIAS, "-keystore", caStore.toString(), "-storepass", caPassword,
                    "-file", caCert.toString());
            keytool("-genkeypair", "-alias", SERVER_ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity",
                    "825", "-dname", "CN=localhost,O=Stride", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                    "-storepass", keyStorePassword);
            Path csr = tlsDir.resolve("gateway.csr");
            Path signed = tlsDir.resolve("gateway.crt");
            keytool("-certreq", "-alias", SERVER_ALIAS, "-keystore", keyStore.toString(), "-storepass", keyStorePassword,
                    "-file", csr.toString());
            keytool("-gencert", "-alias", CA_ALIAS, "-keystore", caStore.toString(), "-storepass", caPassword,
                    "-infile", csr.toString(), "-outfile", signed.toString(), "-rfc", "-validity", "825",
                    "-ext", "san=dns:localhost,ip:127.0.0.1", "-ext", "ku:c=digitalSignature,keyAgreement",
                    "-ext", "eku=serverAuth");
            keytool("-importcert", "-noprompt", "-alias", CA_ALIAS, "-file", caCert.toString(), "-keystore",
                    keyStore.toString(), "-storepass", keyStorePassword);
            keytool("-importcert", "-alias", SERVER_ALIAS, "-file", signed.toString(), "-keystore", keyStore.toString(),
                    "-storepass", keyStorePassword);
            // the CA entry was only needed to build the chain: the keystore keeps one key entry
            keytool("-delete", "-alias", CA_ALIAS, "-keystore", keyStore.toString(), "-storepass", keyStorePassword);
            keytool("-importcert", "-noprompt", "-alias", CA_ALIAS, "-file", caCert.toString(), "-keystore",
                    trustStore.toString(), "-storetype", "PKCS12", "-storepass", trustStorePassword);
            Files.deleteIfExists(csr);
            for (Path secret : List.of(caStore, keyStore, trustStore)) {
                Secrets.ownerOnly(secret);
            }
        }
        catch (IOException ex) {
            throw new PlatformException("cannot create TLS material in " + tlsDir + ": " + ex.getMessage(), ex);
        }
        return new TlsMaterial(keyStore, keyStorePassword, trustStore, trustStorePassword, caCert);
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Java.keytool());
        command.addAll(List.of(args));
        ManagedProcess.run("keytool " + args[0], command, tlsDir, Duration.ofSeconds(60));
    }
}
