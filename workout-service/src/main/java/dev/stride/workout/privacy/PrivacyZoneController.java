package dev.stride.workout.privacy;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.kit.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/athletes/me/privacy-zones")
class PrivacyZoneController {

    private final PrivacyZones zones;

    PrivacyZoneController(PrivacyZones zones) {
        this.zones = zones;
    }

    @GetMapping
    List<PrivacyZone> list(@AuthenticationPrincipal Jwt token) {
        return zones.of(CurrentUser.id(token));
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<PrivacyZone> create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PrivacyZoneInput input) {
        PrivacyZone zone = zones.create(CurrentUser.id(token), input);
        return ResponseEntity.created(URI.create("/api/v1/athletes/me/privacy-zones/" + zone.id())).body(zone);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    PrivacyZone update(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
            @Valid @RequestBody PrivacyZoneInput input) {
        return zones.update(CurrentUser.id(token), id, input);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        zones.delete(CurrentUser.id(token), id);
        return ResponseEntity.noContent().build();
    }
}
