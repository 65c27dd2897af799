package dev.stride.workout.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.NotificationTemplates;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.contracts.payload.PersonalRecordAchieved;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.workout.AthleteHttpTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestKafka;
import dev.stride.kit.test.TestTokens;
import dev.stride.workout.WorkoutEditTest;
import tools.jackson.databind.JsonNode;

/** Personal records, privacy zones and user erasure, through uploads of synthetic runs. */
@StrideServiceTest
class RecordsPrivacyErasureTest extends AthleteHttpTest {

    @Autowired
    JdbcClient jdbc;

    private String uploadDone(byte[] gpx, Map<String, String> fields) {
        return Uploads.workoutOf(http, token, gpx, fields);
    }

    private JsonNode record(String effort) {
        for (JsonNode r : http.get("/api/v1/athletes/me/records", token).json().get("records")) {
            if (r.get("sport").asString().equals("run") && r.get("effort").asString().equals(effort)) {
                return r;
            }
        }
        return null;
    }

    @Test
    void aFasterUploadSetsARecordWithEventsAndDeletingItRestoresThePreviousOne() {
        String slow = uploadDone(Uploads.run(Instant.parse("2026-04-01T07:00:00Z"), 3.0, 1300, 45.0, 8.0), Map.of());
        JsonNode first = record("1k");
        assertThat(first).isNotNull();
        assertThat(first.get("elapsedTime").asDouble()).isCloseTo(1000 / 3.0, within(2.0));
        assertThat(first.get("workoutId").asString()).isEqualTo(slow);

        String fast = uploadDone(Uploads.run(Instant.parse("2026-04-08T07:00:00Z"), 4.0, 1300, 45.1, 8.0), Map.of());
        JsonNode better = record("1k");
        assertThat(better.get("elapsedTime").asDouble()).isCloseTo(250, within(2.0));
        assertThat(better.get("workoutId").asString()).isEqualTo(fast);
        assertThat(better.get("history")).hasSize(2);
        assertThat(better.get("history").get(0).get("workoutId").asString()).isEqualTo(slow);

        var events = new TestKafka(brokers).readUntil(Topics.WORKOUT_EVENTS,
                rs -> rs.stream().anyMatch(r -> r.value().contains(EventTypes.PERSONAL_RECORD_ACHIEVED)
                        && r.value().contains(fast) && r.value().contains("\"1k\"")), Duration.ofSeconds(30));
        EventEnvelope envelope = codec.read(events.stream().filter(r -> r.value().contains(fast)
                && r.value().contains(EventTypes.PERSONAL_RECORD_ACHIEVED) && r.value().contains("\"1k\""))
                .findFirst().orElseThrow().value());
        PersonalRecordAchieved achieved = codec.payload(envelope, PersonalRecordAchieved.class);
        assertThat(achieved.userId()).isEqualTo(user);
        assertThat(achieved.sport()).isEqualTo("run");
        assertThat(achieved.elapsedTime()).isCloseTo(250, within(2.0));
        assertThat(achieved.previousElapsedTime()).isCloseTo(1000 / 3.0, within(2.0));

        String key = "personal-record:" + fast + ":1k";
        var notes = new TestKafka(brokers).readUntil(Topics.NOTIFICATION_REQUESTS,
                rs -> rs.stream().anyMatch(r -> r.value().contains(key)), Duration.ofSeconds(30));
        NotificationRequested note = codec.payload(codec.read(notes.stream().filter(r -> r.value().contains(key))
                .findFirst().orElseThrow().value()), NotificationRequested.class);
        assertThat(note.templateId()).isEqualTo(NotificationTemplates.PERSONAL_RECORD);
        assertThat(note.parameters()).containsEntry(NotificationTemplates.EFFORT, "1k").containsEntry("sport", "run")
                .containsEntry(NotificationTemplates.TIME, "4:10");

        assertThat(http.delete("/api/v1/workouts/" + fast, token).status()).isEqualTo(204);
        JsonNode restored = record("1k");
        assertThat(restored.get("workoutId").asString()).isEqualTo(slow);
        assertThat(restored.get("elapsedTime").asDouble()).isCloseTo(1000 / 3.0, within(2.0));
        assertThat(restored.get("history")).hasSize(1);
        assertThat(http.get("/api/v1/workouts/" + fast + "/streams", token).status()).isEqualTo(404);
    }

    @Test
    void changingTheSportOfAWorkoutMovesItsRecordsToTheNewSport() {
        String workout = uploadDone(Uploads.run(Instant.parse("2026-04-20T07:00:00Z"), 3.5, 1300, 45.3, 8.0),
                Map.of());
        assertThat(record("1k")).isNotNull();

        TestHttp.Response edited = WorkoutEditTest.patch(http, token, workout, "{\"sport\": \"trail-run\"}");

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(record("1k")).isNull();
        JsonNode moved = null;
        for (JsonNode r : http.get("/api/v1/athletes/me/records", token).json().get("records")) {
            if (r.get("sport").asString().equals("trail-run") && r.get("effort").asString().equals("1k")) {
                moved = r;
            }
        }
        assertThat(moved).isNotNull();
        assertThat(moved.get("workoutId").asString()).isEqualTo(workout);
        assertThat(moved.get("elapsedTime").asDouble()).isCloseTo(1000 / 3.5, within(2.0));
    }

    @Test
    void privacyZonesHidePointsFromOtherUsersButNotFromTheOwner() {
        double lat = 44.0;
        double lon = 9.0;
        String workout = uploadDone(Uploads.run(Instant.parse("2026-05-01T07:00:00Z"), 3.0, 1500, lat, lon),
                Map.of("visibility", "public"));
        TestHttp.Response zone = http.post("/api/v1/athletes/me/privacy-zones", token,
                Map.of("latitude", lat, "longitude", lon, "radius", 300));
        assertThat(zone.status()).as(zone.body()).isEqualTo(201);
        assertThat(zone.json().get("radius").asDouble()).isEqualTo(300);

        JsonNode own = http.get("/api/v1/workouts/" + workout + "/streams?keys=latlng,time", token).json();
        String stranger = TestTokens.get().user(UUID.randomUUID());
        JsonNode theirs = http.get("/api/v1/workouts/" + workout + "/streams?keys=latlng,time", stranger).json();
        JsonNode ownPoints = own.get("latlng").get("data");
        JsonNode theirPoints = theirs.get("latlng").get("data");
        assertThat(ownPoints.get(0).get(0).asDouble()).isCloseTo(lat, within(1e-6));
        assertThat(theirPoints.size()).isLessThan(ownPoints.size()).isPositive();
        assertThat(theirs.get("time").get("data").size()).isEqualTo(theirPoints.size());
        for (JsonNode p : theirPoints) {
            assertThat(metres(lat, lon, p.get(0).asDouble(), p.get(1).asDouble())).isGreaterThan(300);
        }
        JsonNode map = http.get("/api/v1/workouts/" + workout + "/map", stranger).json();
        assertThat(metres(lat, lon, map.get("startLatlng").get(0).asDouble(), map.get("startLatlng").get(1).asDouble()))
                .isGreaterThan(300);
        JsonNode ownMap = http.get("/api/v1/workouts/" + workout + "/map", token).json();
        assertThat(ownMap.get("startLatlng").get(0).asDouble()).isCloseTo(lat, within(1e-6));
        assertThat(ownMap.get("polyline").asString()).isNotEqualTo(map.get("polyline").asString());

        // another user's private workout stays hidden; zones are validated and limited
        String privateWorkout = uploadDone(Uploads.run(Instant.parse("2026-05-02T07:00:00Z"), 3.0, 600, lat, lon),
                Map.of("visibility", "private"));
        assertThat(http.get("/api/v1/workouts/" + privateWorkout + "/streams", stranger).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/athletes/me/privacy-zones", token,
                Map.of("latitude", lat, "longitude", lon, "radius", 50)).status()).isEqualTo(400);
        for (int i = 1; i < 10; i++) {
            assertThat(http.post("/api/v1/athletes/me/privacy-zones", token,
                    Map.of("latitude", 10.0 + i, "longitude", lon, "radius", 100)).status()).isEqualTo(201);
        }
        TestHttp.Response eleventh = http.post("/api/v1/athletes/me/privacy-zones", token,
                Map.of("latitude", 30.0, "longitude", lon, "radius", 100));
        assertThat(eleventh.status()).isEqualTo(409);
        assertThat(http.get("/api/v1/athletes/me/privacy-zones", token).json()).hasSize(10);
        String zoneId = zone.json().get("id").asString();
        assertThat(http.delete("/api/v1/athletes/me/privacy-zones/" + zoneId, stranger).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/athletes/me/privacy-zones/" + zoneId, token).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/workouts/" + workout + "/streams?keys=latlng", stranger).json().get("latlng")
                .get("data").size()).isEqualTo(ownPoints.size());
    }

    @Test
    void userDeletedErasesUploadsFilesStreamsRecordsZonesAndSettingsOfThatUserOnly() {
        String workout = uploadDone(Uploads.run(Instant.parse("2026-06-01T07:00:00Z"), 3.0, 1100, 43.0, 10.0),
                Map.of());
        assertThat(http.post("/api/v1/athletes/me/privacy-zones", token,
                Map.of("latitude", 43.0, "longitude", 10.0, "radius", 200)).status()).isEqualTo(201);
        assertThat(http.put("/api/v1/athletes/me/settings", token, Map.of("maxHeartRate", 190)).status())
                .isEqualTo(200);
        UUID other = UUID.randomUUID();
        String otherToken = TestTokens.get().user(other);
        TestHttp.Response otherUpload = Uploads.upload(http, otherToken, "run.gpx",
                Uploads.run(Instant.parse("2026-06-01T07:00:00Z"), 3.0, 1100, 43.0, 10.0), Map.of());
        JsonNode otherDone = Uploads.finished(http, otherToken, otherUpload.json().get("id").asString());
        assertThat(otherDone.get("status").asString()).isEqualTo("DONE");
        assertThat(counts(user)).allMatch(c -> c > 0);

        EventEnvelope deleted = codec.envelope(EventTypes.USER_DELETED, 1, Services.GATEWAY, user.toString(),
                new UserDeleted(user), Map.of());
        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, user.toString(), codec.write(deleted));

        TestKafka.await(() -> counts(user).stream().allMatch(c -> c == 0), Duration.ofSeconds(30));
        assertThat(http.get("/api/v1/workouts/" + workout, token).status()).isEqualTo(404);
        assertThat(counts(other).subList(0, 4)).allMatch(c -> c > 0);
        assertThat(http.get("/api/v1/workouts/" + otherDone.get("workoutId").asString() + "/streams", otherToken)
                .status()).isEqualTo(200);
    }

    /** Rows of the user in upload, workout_stream, best_effort, personal_record, privacy_zone. */
    private java.util.List<Long> counts(UUID userId) {
        return java.util.List.of("upload", "workout_stream", "best_effort", "personal_record", "privacy_zone",
                "athlete_settings").stream()
                .map(table -> jdbc.sql("select count(*) from " + table + " where user_id = :user")
                        .param("user", userId).query(Long.class).single())
                .toList();
    }

    private static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
    }
}
