package dev.stride.social.profile;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** How a user presents themselves to others. Created when the account is registered. */
@Entity
@Table(name = "profile")
class Profile {

    @Id
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    private String bio;
    private String city;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProfileVisibility visibility;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Profile() {
    }

    static Profile create(UUID userId, String displayName, Instant now) {
        Profile profile = new Profile();
        profile.userId = userId;
        profile.displayName = displayName;
        profile.visibility = ProfileVisibility.PUBLIC;
        profile.createdAt = now;
        profile.updatedAt = now;
        return profile;
    }

    void update(ProfileChange change, Instant now) {
        displayName = change.displayName();
        bio = change.bio();
        city = change.city();
        visibility = change.visibility() == null ? visibility : change.visibility();
        updatedAt = now;
    }

    UUID userId() {
        return userId;
    }

    ProfileVisibility visibility() {
        return visibility;
    }

    ProfileView view() {
        return new ProfileView(userId, displayName, bio, city, visibility, updatedAt, null);
    }
}
