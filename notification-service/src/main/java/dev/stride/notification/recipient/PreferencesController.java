package dev.stride.notification.recipient;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.kit.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/notifications/preferences")
class PreferencesController {

    private final PreferencesService preferences;

    PreferencesController(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    PreferencesView view(@AuthenticationPrincipal Jwt token) {
        return preferences.view(CurrentUser.id(token));
    }

    @PutMapping(consumes = "application/json")
    PreferencesView change(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PreferencesChange change) {
        return preferences.change(CurrentUser.id(token), change);
    }
}
