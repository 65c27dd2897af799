package dev.stride.kit.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval       how often the relay looks for due outbox rows even without a nudge
 * @param batchSize          rows relayed per round
 * @param sendTimeout        how long the relay waits for the broker's acknowledgement
 * @param maxBackoff         upper bound of the delay between attempts of a failing row
 * @param processedRetention how long consumed event ids are remembered
 * @param partitions         partitions of each Stride topic and of its dead-letter topic
 * @param replicationFactor  replicas of each topic (1 locally, 3 in production)
 * @param consumerRetries    retries of a failing record before it goes to the dead-letter topic
 * @param consumerBackoff    first retry delay, doubled up to {@code consumerMaxBackoff}
 */
@ConfigurationProperties("stride.events")
public record StrideEventsProperties(Duration pollInterval, Integer batchSize, Duration sendTimeout, Duration maxBackoff,
        Duration processedRetention, Integer partitions, Short replicationFactor, Integer consumerRetries,
        Duration consumerBackoff, Duration consumerMaxBackoff) {

    public StrideEventsProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
        processedRetention = processedRetention == null ? Duration.ofDays(30) : processedRetention;
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        consumerRetries = consumerRetries == null ? 5 : consumerRetries;
        consumerBackoff = consumerBackoff == null ? Duration.ofMillis(500) : consumerBackoff;
        consumerMaxBackoff = consumerMaxBackoff == null ? Duration.ofSeconds(10) : consumerMaxBackoff;
    }
}
