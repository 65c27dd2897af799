package dev.stride.social.profile;

import java.time.Instant;
import java.util.UUID;

/** @param activity all-time totals; null when they could not be fetched */
record ProfileView(UUID userId, String displayName, String bio, String city, ProfileVisibility visibility,
        Instant updatedAt, ActivitySummary activity) {

    ProfileView withActivity(ActivitySummary summary) {
        return new ProfileView(userId, displayName, bio, city, visibility, updatedAt, summary);
    }
}
