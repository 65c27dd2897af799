package dev.stride.workout.privacy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** Centre in WGS84 degrees, radius in metres (100–5000). */
record PrivacyZoneInput(
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @DecimalMin("100") @DecimalMax("5000") Double radius) {
}
