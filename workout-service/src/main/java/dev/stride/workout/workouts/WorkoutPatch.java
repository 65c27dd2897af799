package dev.stride.workout.workouts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.StrideProblemException;

/**
 * A JSON merge patch (RFC 7396) of a workout: a member that is absent keeps its value, {@code null}
 * clears it, any other value replaces it. Title, notes, sport, gear and visibility can be edited on
 * every workout; the measurements and the start time only on manual ones (a file workout's come
 * from its track, which an edit would contradict). Each given member is checked with the same
 * constraints as {@link ManualWorkout} on create; every problem is reported at once as a 400 and
 * nothing is changed.
 */
final class WorkoutPatch {

    static final Set<String> EVERY_WORKOUT = Set.of("title", "notes", "sport", "gearId", "visibility");
    static final Set<String> MANUAL_ONLY = Set.of("startTime", "elapsedTime", "movingTime", "distance",
            "elevationGain", "averageHeartRate", "maxHeartRate", "calories");

    private final Map<String, Object> values;

    private WorkoutPatch(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * @param manual whether the workout was entered by hand (its measurements may be edited)
     * @throws StrideProblemException 400 listing every member that is unknown, not editable or invalid
     */
    static WorkoutPatch parse(JsonNode body, boolean manual, JsonMapper json, Validator validator) {
        if (body == null || !body.isObject()) {
            throw new StrideProblemException(ErrorCode.MALFORMED_REQUEST,
                    "A workout patch is a JSON object of the members to change (RFC 7396 merge patch).");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<Map<String, String>> errors = new ArrayList<>();
        for (String name : body.propertyNames()) {
            JsonNode node = body.get(name);
            if (!EVERY_WORKOUT.contains(name) && !MANUAL_ONLY.contains(name)) {
                errors.add(error(name, "is not a member that can be edited"));
                continue;
            }
            if (!manual && MANUAL_ONLY.contains(name)) {
                errors.add(error(name, "can only be edited on a manual workout; this one comes from a file"));
                continue;
            }
            try {
                values.put(name, node.isNull() ? null : json.treeToValue(node, typeOf(name)));
            } catch (JacksonException | IllegalArgumentException ex) {
                errors.add(error(name, "has an invalid value"));
                continue;
            }
            for (ConstraintViolation<ManualWorkout> v : validator.validateValue(ManualWorkout.class, name,
                    values.get(name))) {
                errors.add(error(name, v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            StrideProblemException bad = new StrideProblemException(ErrorCode.VALIDATION_FAILED,
                    "Some members of the patch are invalid; nothing was changed.");
            bad.problem().setProperty("errors", errors);
            throw bad;
        }
        return new WorkoutPatch(values);
    }

    boolean has(String member) {
        return values.containsKey(member);
    }

    /** The workout's current editable values with this patch applied. */
    ManualWorkout applyTo(ManualWorkout current) {
        return new ManualWorkout(
                value("sport", current.sport()),
                value("startTime", current.startTime()),
                value("elapsedTime", current.elapsedTime()),
                value("movingTime", current.movingTime()),
                value("distance", current.distance()),
                value("elevationGain", current.elevationGain()),
                value("averageHeartRate", current.averageHeartRate()),
                value("maxHeartRate", current.maxHeartRate()),
                value("calories", current.calories()),
                value("title", current.title()),
                value("notes", current.notes()),
                value("visibility", current.visibility()),
                value("gearId", current.gearId()));
    }

    @SuppressWarnings("unchecked")
    private <T> T value(String member, T current) {
        return values.containsKey(member) ? (T) values.get(member) : current;
    }

    private static Class<?> typeOf(String member) {
        return switch (member) {
            case "title", "notes" -> String.class;
            case "sport" -> Sport.class;
            case "visibility" -> Visibility.class;
            case "gearId" -> UUID.class;
            case "startTime" -> Instant.class;
            default -> Double.class;
        };
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
