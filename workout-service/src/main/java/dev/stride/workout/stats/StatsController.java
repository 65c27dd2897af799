package dev.stride.workout.stats;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.kit.security.CurrentUser;

@RestController
class StatsController {

    private final StatsService service;

    StatsController(StatsService service) {
        this.service = service;
    }

    /**
     * @param sport    optional sport (wire name); absent, every sport
     * @param timeZone optional IANA zone for day, week, month and year boundaries; absent, UTC
     */
    @GetMapping("/api/v1/athletes/me/stats")
    StatsView stats(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String sport,
            @RequestParam(required = false) String timeZone) {
        return service.read(CurrentUser.id(token), Params.sport(sport), Params.zone(timeZone));
    }
}
