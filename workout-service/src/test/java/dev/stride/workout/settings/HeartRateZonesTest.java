package dev.stride.workout.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestHttp.Response;
import dev.stride.kit.test.TestTokens;
import dev.stride.workout.upload.Uploads;
import tools.jackson.databind.JsonNode;

/**
 * The same file (30 min: 10 at 120 bpm, 10 at 150, 10 at 170, one point a second) uploaded by
 * athletes with different heart-rate settings gives the time-in-zone split those settings define.
 */
@StrideServiceTest
class HeartRateZonesTest {

    static final byte[] FILE = Uploads.run(Instant.parse("2026-02-02T07:00:00Z"), 3.0, 5400, 47.0, 8.0,
            s -> s < 600 ? 120 : s < 1200 ? 150 : 170);

    @LocalServerPort
    int port;

    private List<Double> zonesOfUploadBy(String token) {
        TestHttp http = TestHttp.localhost(port);
        String workout = Uploads.workoutOf(http, token, FILE, Map.of());
        List<Double> seconds = new ArrayList<>();
        for (JsonNode zone : http.get("/api/v1/workouts/" + workout, token).json().get("heartRateZones")) {
            seconds.add(zone.get("seconds").asDouble());
        }
        return seconds;
    }

    private static Map<String, Object> settings(Integer max, Integer resting, List<Integer> zones) {
        Map<String, Object> body = new HashMap<>();
        body.put("maxHeartRate", max);
        body.put("restingHeartRate", resting);
        body.put("heartRateZones", zones);
        return body;
    }

    private String athleteWith(Map<String, Object> settings) {
        String token = TestTokens.get().user(UUID.randomUUID());
        if (settings != null) {
            Response put = TestHttp.localhost(port).put("/api/v1/athletes/me/settings", token, settings);
            assertThat(put.status()).as(put.body()).isEqualTo(200);
        }
        return token;
    }

    @Test
    void withoutSettingsZonesComeFromTheWorkoutsObservedMax() {
        // max 170 observed: zones from 102, 119, 136, 153 bpm
        assertThat(zonesOfUploadBy(athleteWith(null))).containsExactly(0.0, 0.0, 600.0, 600.0, 600.0);
    }

    @Test
    void theAthletesMaxHeartRateDefinesTheZonesWhenNoZonesAreSet() {
        // max 200: zones from 120, 140, 160, 180 bpm
        assertThat(zonesOfUploadBy(athleteWith(settings(200, null, null))))
                .containsExactly(0.0, 600.0, 600.0, 600.0, 0.0);
        // max 200, resting 50 (Karvonen): zones from 140, 155, 170, 185 bpm
        assertThat(zonesOfUploadBy(athleteWith(settings(200, 50, null))))
                .containsExactly(600.0, 600.0, 0.0, 600.0, 0.0);
    }

    @Test
    void theAthletesOwnZonesWinOverEverythingElse() {
        String token = athleteWith(settings(200, 50, List.of(100, 130, 145, 160, 175)));

        assertThat(zonesOfUploadBy(token)).containsExactly(600.0, 0.0, 600.0, 600.0, 0.0);
        JsonNode read = TestHttp.localhost(port).get("/api/v1/athletes/me/settings", token).json();
        assertThat(read.get("heartRateZones").toString()).isEqualTo("[100,130,145,160,175]");
        assertThat(read.get("maxHeartRate").asInt()).isEqualTo(200);
    }

    @Test
    void invalidSettingsAreABadRequestAndChangeNothing() {
        TestHttp http = TestHttp.localhost(port);
        String token = athleteWith(settings(190, 55, List.of(100, 120, 140, 160, 180)));
        String before = http.get("/api/v1/athletes/me/settings", token).body();

        Map<List<String>, Map<String, Object>> bad = Map.of(
                List.of("heartRateZones"), settings(190, 55, List.of(100, 120, 140, 160)),
                List.of("heartRateZones[2]"), settings(190, 55, List.of(100, 130, 125, 160, 180)),
                List.of("heartRateZones[0]"), settings(null, null, List.of(20, 130, 140, 160, 180)),
                List.of("heartRateZones[4]"), settings(170, null, List.of(100, 120, 140, 160, 180)),
                List.of("restingHeartRate"), settings(110, 115, null),
                List.of("maxHeartRate"), settings(400, null, null));
        bad.forEach((fields, body) -> {
            Response response = http.put("/api/v1/athletes/me/settings", token, body);
            assertThat(response.status()).as(body.toString()).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(response.json().get("errors").findValuesAsString("field")).as(body.toString())
                    .containsExactlyElementsOf(fields);
        });
        assertThat(http.put("/api/v1/athletes/me/settings", token, "{\"maxHeartRate\": \"high\"}").status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/athletes/me/settings", token).body()).isEqualTo(before);

        String fresh = TestTokens.get().user(UUID.randomUUID());
        assertThat(http.get("/api/v1/athletes/me/settings", fresh).body())
                .isEqualTo("{\"maxHeartRate\":null,\"restingHeartRate\":null,\"heartRateZones\":null}");
        assertThat(http.put("/api/v1/athletes/me/settings", token, settings(null, null, null)).json()
                .get("maxHeartRate").isNull()).isTrue();
    }
}
