package dev.stride.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Quiet hours in local time (across midnight and DST) and the bounds of the retry backoff. */
class DeliveryTimingTest {

    private static final LocalTime START = LocalTime.of(22, 0);
    private static final LocalTime END = LocalTime.of(8, 0);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void quietHoursSpanMidnightAndEndAtEightLocalTime() {
        ZonedDateTime lateEvening = ZonedDateTime.of(2026, 3, 10, 23, 15, 0, 0, MOSCOW);
        assertThat(DeliveryWorker.quietUntil(lateEvening, START, END))
                .contains(ZonedDateTime.of(2026, 3, 11, 8, 0, 0, 0, MOSCOW));
        ZonedDateTime earlyMorning = ZonedDateTime.of(2026, 3, 11, 3, 0, 0, 0, MOSCOW);
        assertThat(DeliveryWorker.quietUntil(earlyMorning, START, END))
                .contains(ZonedDateTime.of(2026, 3, 11, 8, 0, 0, 0, MOSCOW));
        assertThat(DeliveryWorker.quietUntil(earlyMorning.withHour(8), START, END)).isEmpty();
        assertThat(DeliveryWorker.quietUntil(lateEvening.withHour(21).withMinute(59), START, END)).isEmpty();
        assertThat(DeliveryWorker.quietUntil(lateEvening.withHour(22).withMinute(0), START, END)).isPresent();
    }

    @Test
    void quietHoursFollowDaylightSavingTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // the night clocks go forward: 08:00 local is 06:00 UTC instead of 07:00
        ZonedDateTime night = ZonedDateTime.of(2026, 3, 29, 1, 30, 0, 0, berlin);
        ZonedDateTime until = DeliveryWorker.quietUntil(night, START, END).orElseThrow();
        assertThat(until.toLocalTime()).isEqualTo(END);
        assertThat(until.toInstant().atZone(ZoneId.of("UTC")).getHour()).isEqualTo(6);
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndStaysBelowTheCap() {
        DeliveryWorker worker = worker(Duration.ofSeconds(30), Duration.ofHours(1));
        for (int i = 0; i < 50; i++) {
            assertThat(worker.backoff(1)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
            assertThat(worker.backoff(3)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
            assertThat(worker.backoff(40)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
        }
        long distinct = java.util.stream.IntStream.range(0, 20).mapToObj(i -> worker.backoff(5)).distinct().count();
        assertThat(distinct).isGreaterThan(1);
    }

    private static DeliveryWorker worker(Duration initial, Duration max) {
        NotificationProperties properties = new NotificationProperties(
                Base64.getEncoder().encodeToString(new byte[32]), null, null, null, null, null,
                new NotificationProperties.Delivery(null, null, null, null, initial, max, null, null, null), null);
        return new DeliveryWorker(null, null, null, null, null, null, null, properties,
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(), null);
    }
}
