package dev.stride.gateway.keys;

import java.nio.file.Files;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The key that signs tokens (RS256) and the public keys that verify them: the current one and,
 * during a rotation, the previous one. Key ids are RFC 7638 thumbprints, so the same key always
 * gets the same {@code kid} on every replica.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey signing;
    private final List<JWK> verification;

    SigningKeys(KeyPair current, RSAPublicKey previous) {
        this.signing = rsaKey((RSAPublicKey) current.getPublic(), (RSAPrivateKey) current.getPrivate());
        List<JWK> keys = new ArrayList<>();
        keys.add(signing.toPublicJWK());
        if (previous != null) {
            RSAKey old = rsaKey(previous, null);
            if (!old.getKeyID().equals(signing.getKeyID())) {
                keys.add(old);
            }
        }
        this.verification = List.copyOf(keys);
    }

    static SigningKeys load(TokenProperties properties) {
        KeyPair current;
        if (Files.exists(properties.keyFile())) {
            current = PemKeys.readPrivate(properties.keyFile());
        }
        else if (properties.generateIfMissing()) {
            log.warn("signing key {} does not exist: generating a new one (local use only)", properties.keyFile());
            current = PemKeys.generate(properties.keyFile());
        }
        else {
            throw new IllegalStateException("signing key file " + properties.keyFile() + " does not exist "
                    + "(set stride.tokens.key-file to a PKCS#8 PEM RSA private key)");
        }
        RSAPublicKey previous = properties.previousKeyFile() == null ? null : PemKeys.readPublic(properties.previousKeyFile());
        return new SigningKeys(current, previous);
    }

    /** The private signing key with its {@code kid}; never expose it. */
    public RSAKey signingKey() {
        return signing;
    }

    /** Public keys (current first) that verify tokens. */
    public List<JWK> verificationKeys() {
        return verification;
    }

    /** The public JWK set: no private members. */
    public JWKSet publicJwkSet() {
        return new JWKSet(verification);
    }

    private static RSAKey rsaKey(RSAPublicKey pub, RSAPrivateKey priv) {
        try {
            RSAKey.Builder builder = new RSAKey.Builder(pub).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
            if (priv != null) {
                builder.privateKey(priv);
            }
            return builder.keyIDFromThumbprint().build();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("cannot compute key id", ex);
        }
    }
}
