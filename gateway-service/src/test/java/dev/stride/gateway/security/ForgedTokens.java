package dev.stride.gateway.security;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.stride.contracts.StrideClaims;

/** Builds tokens with chosen headers and claims, signed by a given RSA key. */
final class ForgedTokens {

    private ForgedTokens() {
    }

    static JWTClaimsSet.Builder validUserClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(StrideClaims.DEFAULT_ISSUER)
                .audience(List.of(StrideClaims.API_AUDIENCE))
                .subject(UUID.randomUUID().toString())
                .claim(StrideClaims.ROLES, List.of(StrideClaims.ROLE_USER))
                .claim(StrideClaims.TOKEN_KIND, StrideClaims.KIND_USER)
                .claim("sid", UUID.randomUUID().toString())
                .claim("iat_ms", now.toEpochMilli())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    static JWSHeader.Builder validHeader(RSAKey key) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(new JOSEObjectType("at+jwt"));
    }

    static String sign(RSAKey key, Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims) {
        JWSHeader.Builder h = validHeader(key);
        header.accept(h);
        JWTClaimsSet.Builder c = validUserClaims();
        claims.accept(c);
        SignedJWT jwt = new SignedJWT(h.build(), c.build());
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    static RSAKey foreignKeyWithKid(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(kid).build();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
