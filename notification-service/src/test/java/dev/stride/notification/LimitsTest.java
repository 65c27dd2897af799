package dev.stride.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.stride.kit.test.StrideServiceTest;

@StrideServiceTest
class LimitsTest extends NotificationTestBase {

    private static final Map<String, String> OFFER = Map.of("name", "Ada", "offerTitle", "Socks",
            "offerUrl", "https://shop.example/o/socks");

    @Test
    void atMostTwoMarketingMailsPerWeek() {
        String address = email();
        UUID user = register(address, "en", dayZone());
        setPreferences(user, Map.of("marketing", true));
        awaitStatus(request(user, "marketing", "marketing-offer", OFFER), "SENT");
        awaitStatus(request(user, "marketing", "marketing-offer", OFFER), "SENT");
        String third = request(user, "marketing", "marketing-offer", OFFER);
        awaitStatus(third, "SUPPRESSED");
        assertThat(reason(third)).isEqualTo("cap reached");
        assertThat(mail().messagesTo(address)).hasSize(2);
        // the cap is per category: product mail still goes out
        awaitStatus(request(user, "product", "gear-retirement",
                Map.of("name", "Ada", "gearName", "Shoes", "distanceKm", "700")), "SENT");
    }

    @Test
    void nonAccountMailWaitsForTheEndOfQuietHoursButAccountMailDoesNot() {
        String address = email();
        String zone = nightZone();
        UUID user = register(address, "en", zone);
        String summary = request(user, "product", "gear-retirement",
                Map.of("name", "Ada", "gearName", "Pegasus 40", "distanceKm", "812"));
        await(() -> "quiet hours".equals(reason(summary)), "quiet hours");
        assertThat(status(summary)).isEqualTo("QUEUED");
        Timestamp next = jdbc.sql("select next_attempt_at from message where idempotency_key = :k")
                .param("k", summary).query(Timestamp.class).single();
        ZonedDateTime local = next.toInstant().atZone(ZoneId.of(zone));
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(local.toLocalDate()).isEqualTo(ZonedDateTime.now(ZoneId.of(zone)).toLocalDate());

        String reset = request(user, "account", "password-reset",
                Map.of("name", "Ada", "resetUrl", "https://stride.example/reset/1"));
        awaitStatus(reset, "SENT");
        assertThat(mail().messagesTo(address)).hasSize(1);
        assertThat(status(summary)).isEqualTo("QUEUED");
    }
}
