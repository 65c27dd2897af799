package dev.stride.workout.stats;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.StrideProblemException;
import dev.stride.workout.workouts.Sport;

/** Query parameters shared by the athlete endpoints, with 400 problems for bad values. */
public final class Params {

    private Params() {
    }

    /** @return null for an absent or blank value */
    public static Sport sport(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Sport.fromWire(value);
        }
        catch (IllegalArgumentException ex) {
            throw invalid("sport", "Unknown sport '" + value + "'.");
        }
    }

    /** @return UTC for an absent value */
    public static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(value);
        }
        catch (DateTimeException ex) {
            throw invalid("timeZone", "Unknown time zone '" + value + "'; use an IANA name such as Europe/Berlin.");
        }
    }

    public static StrideProblemException invalid(String parameter, String detail) {
        StrideProblemException problem = new StrideProblemException(ErrorCode.VALIDATION_FAILED, detail);
        problem.problem().setProperty("errors", java.util.List.of(java.util.Map.of("field", parameter, "message",
                detail)));
        return problem;
    }
}
