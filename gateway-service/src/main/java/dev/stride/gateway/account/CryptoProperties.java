package dev.stride.gateway.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param aeadKeyset    base64 of a Tink JSON keyset (AEAD) that encrypts e-mail addresses at rest
 * @param blindIndexKey base64 of at least 32 random bytes: HMAC-SHA256 key of the e-mail lookup index
 */
@ConfigurationProperties("stride.crypto")
record CryptoProperties(String aeadKeyset, String blindIndexKey) {
}
