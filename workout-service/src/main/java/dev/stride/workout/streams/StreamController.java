package dev.stride.workout.streams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.security.CurrentUser;
import dev.stride.kit.web.StrideProblemException;
import dev.stride.workout.workouts.FileWorkouts;

/**
 * {@code GET /api/v1/workouts/{id}/streams?keys=...&resolution=low|medium|high}: each requested
 * stream that the workout has, as {@code {data, originalSize, resolution}}; absent streams are
 * omitted, a point without a value is null. Resolutions keep at most 100 / 1000 / 10 000 points,
 * evenly spaced by index, always including the first and the last point.
 * {@code GET /api/v1/workouts/{id}/map}: the encoded polyline (precision 5) and start/end.
 * The owner sees every point; another user who may see the workout (public, or followers-only and
 * a follower) never sees a point inside the owner's privacy zones.
 */
@RestController
class StreamController {

    static final List<String> KEYS = List.of("time", "distance", "latlng", "altitude", "heartrate", "cadence",
            "watts", "velocity");
    static final Map<String, Integer> RESOLUTIONS = Map.of("low", 100, "medium", 1000, "high", 10_000);
    static final int MAP_POINTS = 2000;

    private final FileWorkouts workouts;
    private final WorkoutStreams streams;

    StreamController(FileWorkouts workouts, WorkoutStreams streams) {
        this.workouts = workouts;
        this.streams = streams;
    }

    @GetMapping("/api/v1/workouts/{id}/streams")
    Map<String, Object> streams(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
            @RequestParam(required = false) String keys, @RequestParam(defaultValue = "high") String resolution) {
        Integer max = RESOLUTIONS.get(resolution);
        if (max == null) {
            throw new StrideProblemException(ErrorCode.VALIDATION_FAILED, "resolution must be low, medium or high.");
        }
        List<String> wanted = keys == null || keys.isBlank() ? KEYS
                : Arrays.stream(keys.split(",")).map(String::trim).filter(k -> !k.isEmpty()).distinct().toList();
        for (String key : wanted) {
            if (!KEYS.contains(key)) {
                throw new StrideProblemException(ErrorCode.VALIDATION_FAILED,
                        "Unknown stream '" + key + "'; known: " + String.join(",", KEYS) + ".");
            }
        }
        StreamData all = visible(token, id);
        StreamData data = all.select(downsample(all.size(), max));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : wanted) {
            List<Object> values = values(key, data);
            if (values != null) {
                out.put(key, Map.of("data", values, "originalSize", all.size(), "resolution", resolution));
            }
        }
        return out;
    }

    @GetMapping("/api/v1/workouts/{id}/map")
    Map<String, Object> map(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        StreamData all = visible(token, id);
        List<double[]> positions = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!Double.isNaN(all.lat()[i]) && !Double.isNaN(all.lon()[i])) {
                positions.add(new double[] {all.lat()[i], all.lon()[i]});
            }
        }
        int[] keep = downsample(positions.size(), MAP_POINTS);
        List<double[]> route = new ArrayList<>(keep.length);
        for (int i : keep) {
            route.add(positions.get(i));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("polyline", PolylineEncoder.encode(route));
        out.put("startLatlng", route.isEmpty() ? null : List.of(route.get(0)[0], route.get(0)[1]));
        out.put("endLatlng", route.isEmpty() ? null
                : List.of(route.get(route.size() - 1)[0], route.get(route.size() - 1)[1]));
        return out;
    }

    private StreamData visible(Jwt token, UUID id) {
        UUID viewer = CurrentUser.id(token);
        FileWorkouts.Access access = workouts.visibleTo(id, viewer)
                .orElseThrow(() -> StrideProblemException.notFound("Workout " + id));
        return streams.read(id, access.ownerId(), viewer)
                .orElseGet(() -> new StreamData(0, new double[0], new double[0], new double[0], new double[0],
                        new double[0], new double[0], new double[0], new double[0], new double[0]));
    }

    /** At most {@code max} indices of [0, n), evenly spaced, with the first and the last. */
    static int[] downsample(int n, int max) {
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] picked = new int[max];
        for (int i = 0; i < max; i++) {
            picked[i] = (int) Math.round((double) i * (n - 1) / (max - 1));
        }
        return picked;
    }

    private static List<Object> values(String key, StreamData d) {
        if ("latlng".equals(key)) {
            if (!StreamData.any(d.lat())) {
                return null;
            }
            List<Object> out = new ArrayList<>(d.size());
            for (int i = 0; i < d.size(); i++) {
                out.add(Double.isNaN(d.lat()[i]) ? null : List.of(d.lat()[i], d.lon()[i]));
            }
            return out;
        }
        double[] column = switch (key) {
            case "time" -> d.time();
            case "distance" -> d.distance();
            case "altitude" -> d.altitude();
            case "heartrate" -> d.heartrate();
            case "cadence" -> d.cadence();
            case "watts" -> d.watts();
            default -> d.velocity();
        };
        if (!StreamData.any(column)) {
            return null;
        }
        List<Object> out = new ArrayList<>(column.length);
        for (double v : column) {
            out.add(Double.isNaN(v) ? null : v);
        }
        return out;
    }
}
