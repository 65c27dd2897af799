package dev.stride.notification.message;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.stride.notification.recipient.Category;

/**
 * Signed one-click unsubscribe tokens: {@code base64url(userId:category:expiryEpochSeconds)} + "." +
 * {@code base64url(HMAC-SHA256(key, that payload))}. Verification recomputes the MAC and compares in
 * constant time before it believes anything in the payload.
 */
@Component
public class UnsubscribeTokens {

    public record Claims(UUID userId, Category category, Instant expiresAt) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final NotificationProperties properties;
    private final Clock clock;

    @Autowired
    UnsubscribeTokens(NotificationProperties properties) {
        this(properties, Clock.systemUTC());
    }

    UnsubscribeTokens(NotificationProperties properties, Clock clock) {
        this.key = new SecretKeySpec(properties.unsubscribeKeyBytes(), "HmacSHA256");
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(UUID userId, Category category) {
        return issue(userId, category, clock.instant().plus(properties.unsubscribeTokenTtl()));
    }

    public String issue(UUID userId, Category category, Instant expiresAt) {
        byte[] payload = (userId + ":" + category.wireName() + ":" + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    public String link(UUID userId, Category category) {
        return properties.publicBaseUrl() + "/api/v1/notifications/unsubscribe?token=" + issue(userId, category);
    }

    /** @return the claims of a genuine, unexpired token; empty for anything else */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split(":");
            if (parts.length != 3) {
                return Optional.empty();
            }
            Category category = Category.fromWire(parts[1]);
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (category == null || category.locked() || !clock.instant().isBefore(expiresAt)) {
                return Optional.empty();
            }
            return Optional.of(new Claims(UUID.fromString(parts[0]), category, expiresAt));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }
}
