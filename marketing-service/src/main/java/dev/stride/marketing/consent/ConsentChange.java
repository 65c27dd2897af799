package dev.stride.marketing.consent;

import jakarta.validation.constraints.NotNull;

/** Both choices are explicit: a missing one is an error, never a silent yes. */
record ConsentChange(@NotNull Boolean marketingEmails, @NotNull Boolean personalizedOffers) {
}
