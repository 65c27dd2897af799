package dev.stride.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.Aead;

class SecretsTest {

    @TempDir
    Path dir;

    @Test
    void generatesOnceKeepsPrivateAndReusesAfterReload() throws Exception {
        Path file = dir.resolve("data/secrets.properties");
        String first = new Secrets(file).get("db.password", () -> Secrets.random(24));
        assertThat(first).hasSize(32).matches("[A-Za-z0-9_-]+");
        assertThat(new Secrets(file).get("db.password", () -> "other")).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aeadKeysetIsAUsableTinkKeyset() throws Exception {
        String json = new String(Base64.getDecoder().decode(dev.stride.kit.crypto.FieldCipher.generateKeyset()), StandardCharsets.UTF_8);
        KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        Aead aead = handle.getPrimitive(com.google.crypto.tink.RegistryConfiguration.get(), Aead.class);
        byte[] secret = aead.encrypt("hello".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertThat(new String(aead.decrypt(secret, new byte[0]), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(Base64.getDecoder().decode(Secrets.newKey32())).hasSize(32);
        assertThat(Secrets.newKey32()).isNotEqualTo(Secrets.newKey32());
    }
}
