package dev.stride.gateway.security;

import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.proc.JWKSecurityContext;
import com.nimbusds.jose.proc.JWSKeySelector;

/**
 * The gateway's own verification keys as Java keys, converted once. Nimbus' JWK-based selector
 * turns the JWK into an {@code RSAPublicKey} for every token, decoding the 2048-bit modulus with
 * its constant-time Base64 decoder: a sixth of the gateway's CPU under load. The rule is the
 * one that selector applied to these keys: only RS256; with a {@code kid}, the key with that id;
 * without one, every key (current first).
 */
final class VerificationKeySelector implements JWSKeySelector<JWKSecurityContext> {

    private final Map<String, Key> byKeyId = new LinkedHashMap<>();
    private final List<Key> all;

    VerificationKeySelector(List<JWK> keys) {
        for (JWK jwk : keys) {
            try {
                RSAPublicKey key = jwk.toRSAKey().toRSAPublicKey();
                byKeyId.put(jwk.getKeyID(), key);
            } catch (JOSEException ex) {
                throw new IllegalStateException("verification key " + jwk.getKeyID() + " is not a valid RSA key", ex);
            }
        }
        this.all = List.copyOf(byKeyId.values());
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, JWKSecurityContext context) {
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            return List.of();
        }
        if (header.getKeyID() == null) {
            return all;
        }
        Key key = byKeyId.get(header.getKeyID());
        return key == null ? List.of() : List.of(key);
    }
}
