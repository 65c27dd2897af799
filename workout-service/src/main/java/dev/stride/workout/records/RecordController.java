package dev.stride.workout.records;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.kit.security.CurrentUser;

/**
 * {@code GET /api/v1/athletes/me/records}: {@code {records: [{sport, effort, distance, elapsedTime,
 * workoutId, achievedAt, history: [{elapsedTime, workoutId, achievedAt}]}]}}, SI units.
 */
@RestController
class RecordController {

    private final PersonalRecords records;

    RecordController(PersonalRecords records) {
        this.records = records;
    }

    @GetMapping("/api/v1/athletes/me/records")
    Map<String, List<Map<String, Object>>> records(@AuthenticationPrincipal Jwt token) {
        return Map.of("records", records.of(CurrentUser.id(token)));
    }
}
