package dev.stride.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throwaway certificate authority made with the JDK's keytool: a CA certificate (alone in a
 * PKCS#12 trust store, as the launcher's local CA) and server certificates for
 * localhost/127.0.0.1 signed by it.
 */
public final class TestCa {

    private final Path dir;
    private final String password;
    private final Path caStore;
    private final Path trustStore;

    private TestCa(Path dir, String password, Path caStore, Path trustStore) {
        this.dir = dir;
        this.password = password;
        this.caStore = caStore;
        this.trustStore = trustStore;
    }

    public static TestCa create(String name) {
        try {
            Path dir = Files.createTempDirectory("gateway-test-ca-" + name);
            dir.toFile().deleteOnExit();
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Path caStore = dir.resolve("ca.p12");
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=" + name + " Test CA", "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign",
                    "-storetype", "PKCS12", "-keystore", caStore.toString(), "-storepass", password, "-keypass", password);
            Path caPem = dir.resolve("ca.pem");
            keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-storepass", password,
                    "-file", caPem.toString());
            Path trustStore = dir.resolve("trust.p12");
            keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-storetype", "PKCS12",
                    "-keystore", trustStore.toString(), "-storepass", password);
            return new TestCa(dir, password, caStore, trustStore);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A PKCS#12 key store holding a key and a chain {server cert signed by this CA, CA cert}. */
    public Path issueServerKeyStore(String alias) {
        try {
            Path store = dir.resolve(alias + ".p12");
            keytool("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", password, "-keypass", password);
            Path csr = dir.resolve(alias + ".csr");
            keytool("-certreq", "-alias", alias, "-keystore", store.toString(), "-storepass", password,
                    "-file", csr.toString());
            Path signed = dir.resolve(alias + ".pem");
            keytool("-gencert", "-alias", "ca", "-keystore", caStore.toString(), "-storepass", password,
                    "-infile", csr.toString(), "-outfile", signed.toString(), "-rfc", "-validity", "2",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "eku=serverAuth");
            Path caPem = dir.resolve("ca.pem");
            // chain: import the CA first, then the signed reply
            keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore",
                    store.toString(), "-storepass", password);
            keytool("-importcert", "-alias", alias, "-file", signed.toString(), "-keystore", store.toString(),
                    "-storepass", password);
            return store;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public SSLContext serverContext(Path keyStore) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** PKCS#12 store with only the CA certificate. */
    public Path trustStore() {
        return trustStore;
    }

    public String password() {
        return password;
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
