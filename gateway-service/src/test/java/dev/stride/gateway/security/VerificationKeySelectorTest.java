package dev.stride.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

class VerificationKeySelectorTest {

    private final RSAKey current = generate();
    private final RSAKey previous = generate();
    private final VerificationKeySelector selector =
            new VerificationKeySelector(List.<JWK>of(current.toPublicJWK(), previous.toPublicJWK()));

    @Test
    void aKidSelectsThatKeyOnlyAndAnUnknownKidNone() throws Exception {
        assertThat(selector.selectJWSKeys(header(JWSAlgorithm.RS256, previous.getKeyID()), null))
                .containsExactly(previous.toRSAPublicKey());
        assertThat(selector.selectJWSKeys(header(JWSAlgorithm.RS256, "unknown"), null)).isEmpty();
    }

    @Test
    void withoutAKidEveryKeyIsTriedCurrentFirst() throws Exception {
        assertThat(selector.selectJWSKeys(header(JWSAlgorithm.RS256, null), null))
                .containsExactly(current.toRSAPublicKey(), previous.toRSAPublicKey());
    }

    @Test
    void anyOtherAlgorithmGetsNoKeyEvenWithOurKid() {
        for (JWSAlgorithm other : List.of(JWSAlgorithm.HS256, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256)) {
            assertThat(selector.selectJWSKeys(header(other, current.getKeyID()), null)).as(other.getName()).isEmpty();
        }
    }

    private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
        return new JWSHeader.Builder(algorithm).keyID(kid).build();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (com.nimbusds.jose.JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
