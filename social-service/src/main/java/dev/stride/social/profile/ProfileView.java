package dev.stride.social.profile;

import java.time.Instant;
import java.util.UUID;

record ProfileView(UUID userId, String displayName, String bio, String city, ProfileVisibility visibility,
        Instant updatedAt) {
}
