package dev.stride.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.JWK;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void missingKeyIsGeneratedOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        Path file = dir.resolve("keys/signing.pem");
        SigningKeys first = SigningKeys.load(properties(file, null, true));

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(file.getParent())).doesNotContain(PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_READ);
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");

        SigningKeys second = SigningKeys.load(properties(file, null, false));
        assertThat(second.signingKey().getKeyID()).isEqualTo(first.signingKey().getKeyID());
        assertThat(second.signingKey().toRSAPrivateKey()).isEqualTo(first.signingKey().toRSAPrivateKey());
        assertThat(first.signingKey().getModulus().decode()).hasSizeGreaterThanOrEqualTo(256);
    }

    @Test
    void missingKeyWithoutGenerationFailsStartup() {
        Path file = dir.resolve("absent.pem");
        assertThatThrownBy(() -> SigningKeys.load(properties(file, null, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
        assertThat(file).doesNotExist();
    }

    @Test
    void previousKeyIsPublishedForVerificationOnly() throws Exception {
        Path current = dir.resolve("current.pem");
        Path previous = dir.resolve("previous.pem");
        SigningKeys old = SigningKeys.load(properties(previous, null, true));
        // the previous key may also be given as a public key PEM
        Path previousPublic = dir.resolve("previous-public.pem");
        Files.writeString(previousPublic, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(old.signingKey().toPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);

        for (Path oldFile : new Path[] { previous, previousPublic }) {
            SigningKeys keys = SigningKeys.load(properties(current, oldFile, true));
            assertThat(keys.verificationKeys()).extracting(JWK::getKeyID)
                    .containsExactly(keys.signingKey().getKeyID(), old.signingKey().getKeyID());
            assertThat(keys.verificationKeys()).noneMatch(JWK::isPrivate);
            assertThat(keys.publicJwkSet().toString()).doesNotContain("\"d\"").doesNotContain("\"p\"");
        }
    }

    @Test
    void shortKeysAndGarbageAreRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        Path weak = dir.resolve("weak.pem");
        Files.writeString(weak, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> SigningKeys.load(properties(weak, null, false))).hasMessageContaining("2048");

        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> SigningKeys.load(properties(garbage, null, false))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tokenLifetimesAreCapped() {
        Path file = dir.resolve("x.pem");
        assertThatThrownBy(() -> new TokenProperties(file, null, false, Duration.ofMinutes(16), Duration.ofMinutes(5),
                Duration.ofDays(30))).hasMessageContaining("access-ttl");
        assertThatThrownBy(() -> new TokenProperties(file, null, false, Duration.ofMinutes(10), Duration.ofMinutes(6),
                Duration.ofDays(30))).hasMessageContaining("service-ttl");
        assertThat(new TokenProperties(file, null, false, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofDays(1))
                .accessTtl()).isEqualTo(Duration.ofMinutes(15));
    }

    private static TokenProperties properties(Path key, Path previous, boolean generate) {
        return new TokenProperties(key, previous, generate, Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofDays(30));
    }

}
