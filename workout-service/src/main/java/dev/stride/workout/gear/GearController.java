package dev.stride.workout.gear;

import java.net.URI;
import java.util.List;
import java.util.Map;
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
@RequestMapping("/api/v1/gear")
class GearController {

    private final GearService service;

    GearController(GearService service) {
        this.service = service;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<GearView> create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody GearInput input) {
        GearView gear = service.create(CurrentUser.id(token), input);
        return ResponseEntity.created(URI.create("/api/v1/gear/" + gear.id())).body(gear);
    }

    /** Every item of the user, retired ones included, newest first. */
    @GetMapping
    Map<String, List<GearView>> list(@AuthenticationPrincipal Jwt token) {
        return Map.of("items", service.list(CurrentUser.id(token)));
    }

    @GetMapping("/{id}")
    GearView find(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return service.find(CurrentUser.id(token), id);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    GearView replace(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @Valid @RequestBody GearInput input) {
        return service.replace(CurrentUser.id(token), id, input);
    }

    @PostMapping("/{id}/retire")
    GearView retire(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return service.retire(CurrentUser.id(token), id);
    }

    @PostMapping("/{id}/unretire")
    GearView unretire(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return service.unretire(CurrentUser.id(token), id);
    }

    /** The item's workouts keep existing without gear. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        service.delete(CurrentUser.id(token), id);
        return ResponseEntity.noContent().build();
    }
}
