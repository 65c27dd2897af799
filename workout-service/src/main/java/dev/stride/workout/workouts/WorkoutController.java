package dev.stride.workout.workouts;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import dev.stride.kit.security.CurrentUser;

@RestController
@Validated
@RequestMapping("/api/v1/workouts")
class WorkoutController {

    private final WorkoutService service;

    WorkoutController(WorkoutService service) {
        this.service = service;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<WorkoutView> record(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ManualWorkout input) {
        WorkoutView view = service.record(userId(token), input);
        return ResponseEntity.created(URI.create("/api/v1/workouts/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    WorkoutView find(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return service.find(userId(token), id);
    }

    /** JSON merge patch (RFC 7396); {@code application/json} is accepted as well. */
    @PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
    WorkoutView edit(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody JsonNode patch) {
        return service.edit(userId(token), id, patch);
    }

    @GetMapping
    WorkoutPage list(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return service.list(userId(token), cursor, limit);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        service.delete(userId(token), id);
        return ResponseEntity.noContent().build();
    }

    private static UUID userId(Jwt token) {
        return CurrentUser.id(token);
    }
}
