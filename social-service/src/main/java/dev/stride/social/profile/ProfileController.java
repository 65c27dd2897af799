package dev.stride.social.profile;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.kit.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/social/profiles")
class ProfileController {

    private final ProfileService profiles;
    private final ActivitySummaries activity;

    ProfileController(ProfileService profiles, ActivitySummaries activity) {
        this.profiles = profiles;
        this.activity = activity;
    }

    /** The remote call runs outside any database transaction. */
    @GetMapping("/me")
    ProfileView own(@AuthenticationPrincipal Jwt token) {
        UUID userId = CurrentUser.id(token);
        return profiles.own(userId).withActivity(activity.of(userId));
    }

    @PutMapping(path = "/me", consumes = "application/json")
    ProfileView update(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ProfileChange change) {
        return profiles.update(CurrentUser.id(token), change);
    }

    @GetMapping("/{userId}")
    ProfileView of(@AuthenticationPrincipal Jwt token, @PathVariable UUID userId) {
        return profiles.of(CurrentUser.id(token), userId).withActivity(activity.of(userId));
    }
}
