package dev.stride.notification.message;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of mail delivery ({@code stride.notifications.*}).
 *
 * @param unsubscribeKey      base64 HMAC-SHA256 key (at least 32 bytes) signing unsubscribe links; required, a secret
 * @param unsubscribeTokenTtl how long an unsubscribe link works
 * @param publicBaseUrl       HTTPS origin the unsubscribe links point at (the gateway)
 * @param from                From header, e.g. {@code Stride <no-reply@stride.dev>}
 * @param replyTo             Reply-To header
 * @param messageIdDomain     right-hand side of the Message-ID, stable per message id
 * @param delivery            worker pool and retry policy
 * @param limits              per-recipient caps and quiet hours
 */
@ConfigurationProperties("stride.notifications")
public record NotificationProperties(String unsubscribeKey, Duration unsubscribeTokenTtl, String publicBaseUrl,
        String from, String replyTo, String messageIdDomain, Delivery delivery, Limits limits) {

    public NotificationProperties {
        if (unsubscribeKey == null || unsubscribeKey.isBlank()) {
            throw new IllegalStateException("stride.notifications.unsubscribe-key is required (base64, at least 32 bytes)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(unsubscribeKey.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("stride.notifications.unsubscribe-key is not base64", ex);
        }
        if (key.length < 32) {
            throw new IllegalStateException("stride.notifications.unsubscribe-key must decode to at least 32 bytes");
        }
        unsubscribeTokenTtl = unsubscribeTokenTtl == null ? Duration.ofDays(60) : unsubscribeTokenTtl;
        publicBaseUrl = publicBaseUrl == null ? "https://localhost:8443" : publicBaseUrl.replaceAll("/+$", "");
        if (!publicBaseUrl.startsWith("https://")) {
            throw new IllegalStateException("stride.notifications.public-base-url must be an https:// URL");
        }
        from = from == null ? "Stride <no-reply@stride.local>" : from;
        replyTo = replyTo == null ? "support@stride.local" : replyTo;
        messageIdDomain = messageIdDomain == null ? "stride.local" : messageIdDomain;
        delivery = delivery == null ? new Delivery(null, null, null, null, null, null, null, null, null) : delivery;
        limits = limits == null ? new Limits(null, null, null, null) : limits;
    }

    byte[] unsubscribeKeyBytes() {
        return Base64.getDecoder().decode(unsubscribeKey.trim());
    }

    /**
     * @param threads         worker threads sending mail (the bound on concurrent SMTP sessions per instance)
     * @param batchSize       rows one worker claims per round
     * @param pollInterval    how often an idle worker looks for due rows
     * @param lease           how long a claimed row stays invisible to other workers; must exceed
     *                        batchSize × (SMTP connect + write timeouts)
     * @param retryInitial    first delay after a transient failure, doubled per attempt
     * @param retryMax        upper bound of one delay
     * @param retryWindow     after this long since the request, a transiently failing mail is FAILED
     * @param recipientWait   how long a request waits for its recipient to appear in the projection
     * @param recipientPoll   how often a waiting request looks again
     */
    public record Delivery(Integer threads, Integer batchSize, Duration pollInterval, Duration lease,
            Duration retryInitial, Duration retryMax, Duration retryWindow, Duration recipientWait,
            Duration recipientPoll) {

        public Delivery {
            threads = threads == null ? 4 : threads;
            batchSize = batchSize == null ? 20 : batchSize;
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            lease = lease == null ? Duration.ofMinutes(5) : lease;
            retryInitial = retryInitial == null ? Duration.ofSeconds(30) : retryInitial;
            retryMax = retryMax == null ? Duration.ofHours(1) : retryMax;
            retryWindow = retryWindow == null ? Duration.ofHours(24) : retryWindow;
            recipientWait = recipientWait == null ? Duration.ofHours(1) : recipientWait;
            recipientPoll = recipientPoll == null ? Duration.ofSeconds(30) : recipientPoll;
        }
    }

    /**
     * @param marketingCap    marketing mails per recipient within {@code capWindow}
     * @param capWindow       rolling window of the cap
     * @param quietStart      local time quiet hours begin (non-account mail waits)
     * @param quietEnd        local time quiet hours end
     */
    public record Limits(Integer marketingCap, Duration capWindow, LocalTime quietStart, LocalTime quietEnd) {

        public Limits {
            marketingCap = marketingCap == null ? 2 : marketingCap;
            capWindow = capWindow == null ? Duration.ofDays(7) : capWindow;
            quietStart = quietStart == null ? LocalTime.of(22, 0) : quietStart;
            quietEnd = quietEnd == null ? LocalTime.of(8, 0) : quietEnd;
        }
    }
}
