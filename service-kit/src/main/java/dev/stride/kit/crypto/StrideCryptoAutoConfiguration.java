package dev.stride.kit.crypto;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.google.crypto.tink.Aead;

/**
 * A {@link FieldCipher} when a keyset is configured. Services that hold personal data inject it, so
 * they do not start without {@code stride.crypto.aead-keyset} (env STRIDE_CRYPTO_AEAD_KEYSET).
 */
@AutoConfiguration
@ConditionalOnClass(Aead.class)
@ConditionalOnProperty("stride.crypto.aead-keyset")
public class StrideCryptoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FieldCipher strideFieldCipher(Environment environment) {
        return FieldCipher.fromKeyset(environment.getRequiredProperty("stride.crypto.aead-keyset"));
    }
}
