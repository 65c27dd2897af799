package dev.stride.workout.settings;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.kit.security.CurrentUser;

/**
 * {@code GET|PUT /api/v1/athletes/me/settings}: the caller's heart-rate settings
 * ({@code maxHeartRate}, {@code restingHeartRate}, {@code heartRateZones}); PUT replaces all of
 * them (an absent or null member clears it). Applied to uploads analysed afterwards.
 */
@RestController
class AthleteSettingsController {

    private final AthleteSettings settings;

    AthleteSettingsController(AthleteSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/athletes/me/settings")
    HeartRateSettings get(@AuthenticationPrincipal Jwt token) {
        return settings.of(CurrentUser.id(token));
    }

    @PutMapping(path = "/api/v1/athletes/me/settings", consumes = "application/json")
    HeartRateSettings put(@AuthenticationPrincipal Jwt token, @Valid @RequestBody HeartRateSettings input) {
        return settings.replace(CurrentUser.id(token), input);
    }
}
