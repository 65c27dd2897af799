package dev.stride.workout.gear;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import dev.stride.workout.workouts.Sport;

/**
 * A gear item as the client creates or replaces it ({@code POST} and {@code PUT}).
 *
 * @param defaultFor         sports for which new workouts without a gear id get this item; an item
 *                           made default for a sport takes that sport over from the previous default
 * @param retirementDistance optional distance in metres after which the owner is told to replace it
 */
record GearInput(
        @NotNull GearType type,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String brand,
        @Size(max = 100) String model,
        @Size(max = 20) List<@NotNull Sport> defaultFor,
        @Positive @DecimalMax("100000000") Double retirementDistance) {

    List<Sport> defaults() {
        return defaultFor == null ? List.of() : defaultFor.stream().distinct().toList();
    }
}
