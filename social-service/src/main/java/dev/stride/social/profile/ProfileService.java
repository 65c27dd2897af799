package dev.stride.social.profile;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.kit.events.EventPublisher;
import dev.stride.kit.web.StrideProblemException;

@Service
class ProfileService {

    private final ProfileRepository profiles;
    private final EventPublisher events;
    private final Clock clock = Clock.systemUTC();

    ProfileService(ProfileRepository profiles, EventPublisher events) {
        this.profiles = profiles;
        this.events = events;
    }

    @Transactional(readOnly = true)
    ProfileView own(UUID userId) {
        return profiles.findById(userId).map(Profile::view)
                .orElseThrow(() -> StrideProblemException.notFound("Your profile"));
    }

    /** A private profile of someone else is reported exactly like a missing one. */
    @Transactional(readOnly = true)
    ProfileView of(UUID viewer, UUID userId) {
        return profiles.findById(userId)
                .filter(p -> p.userId().equals(viewer) || p.visibility() == ProfileVisibility.PUBLIC)
                .map(Profile::view)
                .orElseThrow(() -> StrideProblemException.notFound("Profile " + userId));
    }

    @Transactional
    ProfileView update(UUID userId, ProfileChange change) {
        Profile profile = profiles.findById(userId)
                .orElseGet(() -> Profile.create(userId, change.displayName(), clock.instant()));
        profile.update(change, clock.instant());
        ProfileView view = profiles.save(profile).view();
        events.publish(Topics.SOCIAL_EVENTS, EventTypes.PROFILE_UPDATED, 1, userId.toString(),
                new ProfileUpdated(userId, view.displayName(), view.visibility().wireName()));
        return view;
    }

    /** First profile of a new account; a second delivery of the same registration changes nothing. */
    @Transactional
    void createIfAbsent(UUID userId, String displayName) {
        if (!profiles.existsById(userId)) {
            profiles.save(Profile.create(userId, displayName, clock.instant()));
        }
    }

    @Transactional
    void erase(UUID userId) {
        profiles.deleteById(userId);
    }

    /** Payload of {@code profile-updated}: only what other services may show. */
    record ProfileUpdated(UUID userId, String displayName, String visibility) {
    }
}
