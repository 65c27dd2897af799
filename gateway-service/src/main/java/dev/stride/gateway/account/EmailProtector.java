package dev.stride.gateway.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;

/**
 * E-mail addresses at rest: encrypted with Tink AEAD (bound to the account id as associated data,
 * so a ciphertext cannot be moved to another row) and found through a keyed blind index
 * (HMAC-SHA256 of the normalized address).
 */
final class EmailProtector {

    private static final int MIN_INDEX_KEY_BYTES = 32;

    private final Aead aead;
    private final SecretKeySpec indexKey;

    EmailProtector(CryptoProperties properties) {
        if (properties.aeadKeyset() == null || properties.aeadKeyset().isBlank()) {
            throw new IllegalStateException("stride.crypto.aead-keyset must be set (base64 of a Tink JSON AEAD keyset)");
        }
        if (properties.blindIndexKey() == null || properties.blindIndexKey().isBlank()) {
            throw new IllegalStateException("stride.crypto.blind-index-key must be set (base64, at least 32 bytes)");
        }
        try {
            AeadConfig.register();
            String json = new String(Base64.getDecoder().decode(properties.aeadKeyset().trim()), StandardCharsets.UTF_8);
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("stride.crypto.aead-keyset is not a usable Tink AEAD keyset", ex);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(properties.blindIndexKey().trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("stride.crypto.blind-index-key is not base64", ex);
        }
        if (key.length < MIN_INDEX_KEY_BYTES) {
            throw new IllegalStateException("stride.crypto.blind-index-key must decode to at least "
                    + MIN_INDEX_KEY_BYTES + " bytes, has " + key.length);
        }
        this.indexKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** NFKC, trimmed, lower case (ROOT locale): two spellings of one address get one index. */
    static String normalize(String email) {
        return Normalizer.normalize(email, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    }

    byte[] index(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return mac.doFinal(normalize(email).getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
    }

    byte[] encrypt(UUID accountId, String email) {
        try {
            return aead.encrypt(email.getBytes(StandardCharsets.UTF_8), associatedData(accountId));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("e-mail encryption failed", ex);
        }
    }

    String decrypt(UUID accountId, byte[] ciphertext) {
        try {
            return new String(aead.decrypt(ciphertext, associatedData(accountId)), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("e-mail decryption failed for account " + accountId, ex);
        }
    }

    /** Another secret of the account (e.g. the TOTP key), bound to the account and to {@code field}. */
    byte[] encryptField(UUID accountId, String field, byte[] plaintext) {
        try {
            return aead.encrypt(plaintext, fieldAssociatedData(accountId, field));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(field + " encryption failed", ex);
        }
    }

    byte[] decryptField(UUID accountId, String field, byte[] ciphertext) {
        try {
            return aead.decrypt(ciphertext, fieldAssociatedData(accountId, field));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(field + " decryption failed for account " + accountId, ex);
        }
    }

    private static byte[] fieldAssociatedData(UUID accountId, String field) {
        return ("gateway.account." + field + ":" + accountId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(UUID accountId) {
        return ("gateway.account.email:" + accountId).getBytes(StandardCharsets.UTF_8);
    }
}
