package dev.stride.kit.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Encrypts personal fields at rest with a Tink AEAD keyset. The associated data binds a ciphertext
 * to its row and column, so a value copied into another row does not decrypt.
 */
public final class FieldCipher {

    private final Aead aead;

    private FieldCipher(Aead aead) {
        this.aead = aead;
    }

    /** @param keysetBase64 a Tink JSON keyset, base64-encoded (a secret: from configuration, never the repo) */
    public static FieldCipher fromKeyset(String keysetBase64) {
        try {
            AeadConfig.register();
            String json = new String(Base64.getDecoder().decode(keysetBase64.trim()), StandardCharsets.UTF_8);
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            return new FieldCipher(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("stride.crypto.aead-keyset is not a valid base64 Tink keyset", ex);
        }
    }

    /** A fresh AES-256-GCM keyset, base64-encoded, for local runs and tests. */
    public static String generateKeyset() {
        try {
            AeadConfig.register();
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot generate a Tink keyset", ex);
        }
    }

    public byte[] encrypt(String plaintext, String context) {
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("encryption failed", ex);
        }
    }

    public String decrypt(byte[] ciphertext, String context) {
        try {
            return new String(aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("decryption failed: wrong key or tampered value", ex);
        }
    }
}
