package dev.stride.workout.parsing;

import java.time.Instant;

/**
 * A lap as the file declares it. {@code startTime} is when the lap began; the lap covers the
 * track points from its start to the next lap's start. Null values: the file did not say.
 *
 * @param averageHeartRate bpm as the device computed it
 * @param maxHeartRate     bpm as the device computed it
 */
public record ParsedLap(Instant startTime, DeviceTotals totals, Double averageHeartRate, Double maxHeartRate) {
}
