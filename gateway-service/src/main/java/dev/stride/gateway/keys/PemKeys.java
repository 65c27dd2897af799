package dev.stride.gateway.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/** Reads and writes RSA keys as PEM: PKCS#8 ({@code PRIVATE KEY}) and X.509 ({@code PUBLIC KEY}). */
final class PemKeys {

    private static final String PRIVATE_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PRIVATE_END = "-----END PRIVATE KEY-----";
    private static final String PUBLIC_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PUBLIC_END = "-----END PUBLIC KEY-----";
    private static final int KEY_SIZE = 2048;

    private PemKeys() {
    }

    static KeyPair readPrivate(Path file) {
        String pem = read(file);
        if (!pem.contains(PRIVATE_BEGIN)) {
            throw new IllegalStateException("key file " + file + " is not a PKCS#8 PEM private key (" + PRIVATE_BEGIN + ")");
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(body(pem, PRIVATE_BEGIN, PRIVATE_END)))
                    instanceof RSAPrivateCrtKey key)) {
                throw new IllegalStateException("key file " + file + " does not hold an RSA CRT private key");
            }
            RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            requireSize(file, pub);
            return new KeyPair(pub, key);
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("key file " + file + " holds no readable RSA private key", ex);
        }
    }

    /** Public key of a PEM file holding either a private (PKCS#8) or a public (X.509) RSA key. */
    static RSAPublicKey readPublic(Path file) {
        String pem = read(file);
        if (pem.contains(PRIVATE_BEGIN)) {
            return (RSAPublicKey) readPrivate(file).getPublic();
        }
        if (!pem.contains(PUBLIC_BEGIN)) {
            throw new IllegalStateException("key file " + file + " is neither a PEM private nor public key");
        }
        try {
            RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(body(pem, PUBLIC_BEGIN, PUBLIC_END)));
            requireSize(file, pub);
            return pub;
        }
        catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
            throw new IllegalStateException("key file " + file + " holds no readable RSA public key", ex);
        }
    }

    /** Generates an RSA key and writes it as PKCS#8 PEM, readable by the owner only (0600). */
    static KeyPair generate(Path file) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            KeyPair pair = generator.generateKeyPair();
            Path parent = file.toAbsolutePath().getParent();
            boolean posix = parent.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(parent)) {
                if (posix) {
                    Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                else {
                    Files.createDirectories(parent);
                }
            }
            String pem = PRIVATE_BEGIN + "\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n" + PRIVATE_END + "\n";
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)) }
                    : new FileAttribute<?>[0];
            // createFile fails if another process created the file meanwhile: never overwrite a key.
            Path created = Files.createFile(file, attributes);
            Files.writeString(created, pem, StandardCharsets.US_ASCII);
            return pair;
        }
        catch (FileAlreadyExistsException ex) {
            return readPrivate(file);
        }
        catch (IOException | GeneralSecurityException ex) {
            throw new IllegalStateException("could not generate signing key " + file, ex);
        }
    }

    private static void requireSize(Path file, RSAPublicKey key) {
        if (key.getModulus().bitLength() < KEY_SIZE) {
            throw new IllegalStateException("key in " + file + " has " + key.getModulus().bitLength()
                    + " bits; at least " + KEY_SIZE + " are required");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot read key file " + file, ex);
        }
    }

    private static byte[] body(String pem, String begin, String end) {
        int from = pem.indexOf(begin) + begin.length();
        int to = pem.indexOf(end, from);
        if (to < 0) {
            throw new IllegalArgumentException("missing " + end);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from, to));
    }
}
