package dev.stride.gateway.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.stride.contracts.Services;

/**
 * The services that may obtain service tokens. A client is a Stride service name from
 * {@link Services}; its secret comes from {@code stride.clients.<service-name>.secret} (env
 * {@code STRIDE_CLIENTS_WORKOUT_SERVICE_SECRET} and so on). A service without a secret cannot
 * obtain tokens. Secrets are compared as SHA-256 digests in constant time.
 */
@Component
class ServiceClients {

    private static final Logger log = LoggerFactory.getLogger(ServiceClients.class);
    static final int MIN_SECRET_LENGTH = 16;

    private final Map<String, byte[]> secretDigests = new HashMap<>();
    private final byte[] dummyDigest = sha256("no-such-client-" + System.nanoTime());

    ServiceClients(Environment environment) {
        for (String service : Services.ALL) {
            if (service.equals(Services.GATEWAY)) {
                continue;
            }
            String secret = environment.getProperty("stride.clients." + service + ".secret");
            if (secret == null || secret.isBlank()) {
                log.info("no client secret for {}: it cannot obtain service tokens", service);
                continue;
            }
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("stride.clients." + service + ".secret must have at least "
                        + MIN_SECRET_LENGTH + " characters");
            }
            secretDigests.put(service, sha256(secret));
        }
    }

    boolean authenticate(String clientId, String secret) {
        byte[] expected = secretDigests.get(clientId);
        boolean match = MessageDigest.isEqual(expected != null ? expected : dummyDigest, sha256(secret));
        return expected != null && match;
    }

    /** Service tokens are minted for the services behind the gateway, never for the gateway itself. */
    boolean isAudience(String audience) {
        return Services.ALL.contains(audience) && !Services.GATEWAY.equals(audience);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
