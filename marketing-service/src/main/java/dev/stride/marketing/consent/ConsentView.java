package dev.stride.marketing.consent;

import java.time.Instant;

/** @param updatedAt null while the user never decided (everything is off then) */
record ConsentView(boolean marketingEmails, boolean personalizedOffers, Instant updatedAt) {
}
