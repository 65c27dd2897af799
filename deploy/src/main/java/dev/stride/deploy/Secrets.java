package dev.stride.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.function.Supplier;


/**
 * Secrets generated once per data folder and kept in {@code <data>/secrets.properties} (mode 0600):
 * database password, client secrets, shop API key, TLS store passwords, the gateway's AEAD keyset and
 * blind-index key. Generated on first use, reused on every later start.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties values = new Properties();

    public Secrets(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(reader);
            }
            catch (IOException ex) {
                throw new PlatformException("cannot read " + file + ": " + ex.getMessage(), ex);
            }
        }
    }

    /** The stored value of {@code key}, generated and saved first if absent. */
    public synchronized String get(String key, Supplier<String> generator) {
        String value = values.getProperty(key);
        if (value == null) {
            value = generator.get();
            values.setProperty(key, value);
            save();
        }
        return value;
    }

    /** 32 random bytes, base64. */
    public static String newKey32() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** {@code bytes} random bytes as URL-safe base64 without padding (safe in URLs, env and SQL). */
    public static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            ownerOnly(tmp);
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                values.store(writer, "Stride local platform secrets: generated once, keep private (0600)");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new PlatformException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
