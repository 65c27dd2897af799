package dev.stride.kit.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
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
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import dev.stride.contracts.StrideClaims;

/**
 * A token issuer for tests: an RSA key whose public half is served as a JWKS over real HTTP, so
 * services validate test tokens through their real decoder (security checklist F4: mock JWT
 * post-processors would bypass it).
 */
public final class TestTokens {

    public static final String ISSUER = "https://stride.test";
    private static volatile TestTokens instance;

    private final RSAKey key;
    private final HttpServer server;

    private TestTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("test-" + UUID.randomUUID()).build();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
        }
        catch (NoSuchAlgorithmException | IOException ex) {
            throw new IllegalStateException("cannot start the test token issuer", ex);
        }
    }

    public static TestTokens get() {
        if (instance == null) {
            synchronized (TestTokens.class) {
                if (instance == null) {
                    instance = new TestTokens();
                }
            }
        }
        return instance;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public RSAKey key() {
        return key;
    }

    /** A valid user access token with role USER. */
    public String user(UUID userId) {
        return user(userId, List.of(StrideClaims.ROLE_USER));
    }

    public String user(UUID userId, List<String> roles) {
        return sign(userClaims(userId, roles).build());
    }

    /** A valid service token for {@code audience} with scope internal. */
    public String service(String clientId, String audience) {
        return sign(serviceClaims(clientId, audience).build());
    }

    /** A user token with changed claims, for negative tests. */
    public String user(UUID userId, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = userClaims(userId, List.of(StrideClaims.ROLE_USER));
        change.accept(claims);
        return sign(claims.build());
    }

    public static JWTClaimsSet.Builder userClaims(UUID userId, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(StrideClaims.API_AUDIENCE)
                .subject(userId.toString()).jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))).claim(StrideClaims.ROLES, roles)
                .claim(StrideClaims.TOKEN_KIND, StrideClaims.KIND_USER);
    }

    public static JWTClaimsSet.Builder serviceClaims(String clientId, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).subject(clientId)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim(StrideClaims.SCOPE, StrideClaims.SCOPE_INTERNAL).claim(StrideClaims.CLIENT_ID, clientId)
                .claim(StrideClaims.TOKEN_KIND, StrideClaims.KIND_SERVICE);
    }

    public String sign(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType(StrideClaims.ACCESS_TOKEN_TYPE)).build(), claims);
    }

    public String sign(JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
