package dev.stride.notification.digest;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the weekly digest ({@code stride.notifications.digest.*}).
 *
 * @param interval  how often the job looks for users whose week has ended (also read by {@code @Scheduled})
 * @param sendAt    local time on Monday from which last week's digest is due
 * @param retention how long workout summaries and decided weeks are kept; must exceed two weeks
 *                  (a workout of last week is needed until its digest went out this week)
 * @param batchSize users read per query while scanning the opted-in users
 */
@ConfigurationProperties("stride.notifications.digest")
record DigestProperties(Duration interval, LocalTime sendAt, Duration retention, Integer batchSize) {

    DigestProperties {
        interval = interval == null ? Duration.ofMinutes(5) : interval;
        sendAt = sendAt == null ? LocalTime.of(8, 0) : sendAt;
        retention = retention == null ? Duration.ofDays(28) : retention;
        batchSize = batchSize == null ? 500 : batchSize;
        if (retention.compareTo(Duration.ofDays(15)) < 0) {
            throw new IllegalStateException("stride.notifications.digest.retention must be at least 15 days");
        }
    }
}
