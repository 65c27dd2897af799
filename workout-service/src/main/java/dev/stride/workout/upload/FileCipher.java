package dev.stride.workout.upload;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts binary data at rest (uploaded files, track streams) with the service's Tink AEAD keyset
 * ({@code stride.crypto.aead-keyset}, the same key the kit's {@code FieldCipher} uses for text).
 * The kit's cipher takes strings; base64 would add a third to every file and two more copies in
 * memory, so bytes go straight to the same AEAD. The associated data binds a ciphertext to its
 * row: a file copied to another upload does not decrypt.
 */
@Component
public class FileCipher {

    private final Aead aead;

    FileCipher(@Value("${stride.crypto.aead-keyset}") String keysetBase64) {
        try {
            AeadConfig.register();
            String jsonKeyset = new String(Base64.getDecoder().decode(keysetBase64.trim()), StandardCharsets.UTF_8);
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(jsonKeyset, InsecureSecretKeyAccess.get());
            this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("stride.crypto.aead-keyset is not a valid base64 Tink keyset", ex);
        }
    }

    public byte[] encrypt(byte[] plaintext, String context) {
        try {
            return aead.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("encryption failed", ex);
        }
    }

    public byte[] decrypt(byte[] ciphertext, String context) {
        try {
            return aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("decryption failed: wrong key or tampered value", ex);
        }
    }
}
