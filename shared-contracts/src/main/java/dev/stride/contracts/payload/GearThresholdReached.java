package dev.stride.contracts.payload;

import java.util.Objects;
import java.util.UUID;

/**
 * Payload of {@code gear-threshold-reached} on the workout events topic: a gear item's accumulated
 * distance reached the retirement distance its owner set. Published once per item. Carries no free
 * text the user typed (the item's name), only what a shop offer needs.
 *
 * @param gearType           shoes, bike or other
 * @param brand              optional brand the user entered
 * @param model              optional model the user entered
 * @param distance           the item's total distance in metres after the workout that crossed the threshold
 * @param retirementDistance the threshold in metres
 * @param workoutId          the workout whose distance made the item cross the threshold
 */
public record GearThresholdReached(UUID gearId, UUID userId, String gearType, String brand, String model,
        double distance, double retirementDistance, UUID workoutId) {

    public GearThresholdReached {
        Objects.requireNonNull(gearId, "gearId must not be null");
        Objects.requireNonNull(userId, "userId must not be null");
        Objects.requireNonNull(gearType, "gearType must not be null");
    }
}
