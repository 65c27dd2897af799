package dev.stride.workout.gear;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A gear item with its totals (over the workouts that used it): distance in metres, moving time in
 * seconds, number of workouts.
 */
record GearView(UUID id, GearType type, String name, String brand, String model, List<String> defaultFor,
        Double retirementDistance, boolean retired, Instant retiredAt, BigDecimal distance, BigDecimal movingTime,
        long workouts, Instant retirementNotifiedAt, Instant createdAt, Instant updatedAt) {
}
