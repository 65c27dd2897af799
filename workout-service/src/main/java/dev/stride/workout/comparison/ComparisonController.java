package dev.stride.workout.comparison;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.kit.security.CurrentUser;
import dev.stride.workout.stats.Params;
import dev.stride.workout.workouts.Sport;

@RestController
class ComparisonController {

    private final ComparisonService service;

    ComparisonController(ComparisonService service) {
        this.service = service;
    }

    /**
     * @param sport    required sport (wire name): paces of different sports do not compare
     * @param period   week, month or year (UTC calendar periods)
     * @param date     optional ISO date inside the period; absent, today (UTC)
     * @param ageGroup optional cohort filter: under-20, 20-29, ..., 60-69, 70-plus
     * @param sex      optional cohort filter: female, male, other
     */
    @GetMapping("/api/v1/athletes/me/comparison")
    ComparisonView compare(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String sport,
            @RequestParam(required = false) String period, @RequestParam(required = false) String date,
            @RequestParam(required = false) String ageGroup, @RequestParam(required = false) String sex) {
        Sport chosen = Params.sport(sport);
        if (chosen == null) {
            throw Params.invalid("sport", "Parameter 'sport' is required.");
        }
        PeriodKind kind = PeriodKind.fromWire(period);
        if (kind == null) {
            throw Params.invalid("period", "Parameter 'period' must be week, month or year.");
        }
        AgeGroup group = null;
        if (ageGroup != null) {
            group = AgeGroup.fromWire(ageGroup);
            if (group == null) {
                throw Params.invalid("ageGroup",
                        "Parameter 'ageGroup' must be one of under-20, 20-29, 30-39, 40-49, 50-59, 60-69, 70-plus.");
            }
        }
        Sex chosenSex = null;
        if (sex != null) {
            try {
                chosenSex = Sex.fromWire(sex);
            }
            catch (IllegalArgumentException ex) {
                throw Params.invalid("sex", "Parameter 'sex' must be female, male or other.");
            }
        }
        return service.compare(CurrentUser.id(token), chosen, kind, date(date), group, chosenSex);
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException ex) {
            throw Params.invalid("date", "Parameter 'date' must be an ISO date such as 2026-05-01.");
        }
    }
}
