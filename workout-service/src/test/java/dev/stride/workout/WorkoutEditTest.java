package dev.stride.workout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.WorkoutRecorded;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestHttp.Response;
import dev.stride.kit.test.TestKafka;
import dev.stride.kit.test.TestTokens;
import dev.stride.workout.workouts.FileWorkout;
import dev.stride.workout.workouts.FileWorkouts;
import dev.stride.workout.workouts.Sport;
import dev.stride.workout.workouts.Visibility;
import tools.jackson.databind.JsonNode;

/** {@code PATCH /api/v1/workouts/{id}} through HTTP with real tokens; the event read from Kafka. */
@StrideServiceTest
public class WorkoutEditTest extends AthleteHttpTest {

    @Autowired
    FileWorkouts fileWorkouts;

    @Autowired
    TransactionTemplate transactions;

    /** A merge patch as a client sends it. */
    public static Response patch(TestHttp http, String token, String workoutId, String json) {
        return http.send(http.request("/api/v1/workouts/" + workoutId, token)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String create(Map<String, Object> body) {
        Response created = http.post("/api/v1/workouts", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String createGear(String name) {
        Response created = http.post("/api/v1/gear", token, Map.of("type", "shoes", "name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void theOwnerEditsDescriptionSportVisibilityAndManualMeasurements() {
        String id = create(WorkoutApiTest.run(Instant.parse("2026-05-10T06:00:00Z")));

        Response edited = patch(http, token, id, """
                {"title": "Long trail", "notes": null, "sport": "trail-run", "visibility": "public",
                 "startTime": "2026-05-09T07:30:00Z", "elapsedTime": 4000, "movingTime": null, "distance": 12000,
                 "elevationGain": 450, "maxHeartRate": 181}""");

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        JsonNode workout = http.get("/api/v1/workouts/" + id, token).json();
        assertThat(workout.get("title").asString()).isEqualTo("Long trail");
        assertThat(workout.get("notes").isNull()).isTrue();
        assertThat(workout.get("sport").asString()).isEqualTo("trail-run");
        assertThat(workout.get("visibility").asString()).isEqualTo("public");
        assertThat(workout.get("startTime").asString()).isEqualTo("2026-05-09T07:30:00Z");
        assertThat(workout.get("movingTime").asDouble()).isEqualTo(4000.0); // null → the elapsed time, as on create
        assertThat(workout.get("averageSpeed").asDouble()).isEqualTo(12000.0 / 4000.0);
        assertThat(workout.get("elevationGain").asDouble()).isEqualTo(450.0);
        assertThat(workout.get("maxHeartRate").asDouble()).isEqualTo(181.0);
        assertThat(edited.json().toString()).isEqualTo(workout.toString());

        Response cleared = patch(http, token, id, "{\"distance\": null}");
        assertThat(cleared.json().get("distance").isNull()).isTrue();
        assertThat(cleared.json().get("averageSpeed").isNull()).isTrue();
        assertThat(cleared.json().get("title").asString()).isEqualTo("Long trail");
    }

    @Test
    void movingAWorkoutToAnotherItemMovesItsDistanceAndTime() {
        String first = createGear("First");
        String second = createGear("Second");
        Map<String, Object> body = WorkoutApiTest.run(Instant.parse("2026-05-11T06:00:00Z"));
        body.put("gearId", first);
        String id = create(body);
        create(WorkoutApiTest.run(Instant.parse("2026-05-12T06:00:00Z")));

        assertThat(patch(http, token, id, "{\"gearId\": \"" + second + "\", \"distance\": 8000}").status())
                .isEqualTo(200);
        assertThat(totals(first)).containsExactly(0.0, 0.0, 0.0);
        assertThat(totals(second)).containsExactly(8000.0, 3000.0, 1.0);

        assertThat(patch(http, token, id, "{\"gearId\": null}").status()).isEqualTo(200);
        assertThat(totals(second)).containsExactly(0.0, 0.0, 0.0);

        String foreignGear = TestHttp.localhost(port).post("/api/v1/gear", TestTokens.get().user(UUID.randomUUID()),
                Map.of("type", "bike", "name", "Theirs")).json().get("id").asString();
        Response stolen = patch(http, token, id, "{\"gearId\": \"" + foreignGear + "\"}");
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.json().get("errors").toString()).contains("gearId");
        assertThat(http.get("/api/v1/workouts/" + id, token).json().get("gearId").isNull()).isTrue();
    }

    private List<Double> totals(String gear) {
        JsonNode item = http.get("/api/v1/gear/" + gear, token).json();
        return List.of(item.get("distance").asDouble(), item.get("movingTime").asDouble(),
                item.get("workouts").asDouble());
    }

    @Test
    void aBadPatchIsABadRequestListingEveryProblemAndChangesNothing() {
        String id = create(WorkoutApiTest.run(Instant.parse("2026-05-13T06:00:00Z")));
        String before = http.get("/api/v1/workouts/" + id, token).body();
        String statsBefore = http.get("/api/v1/athletes/me/stats", token).body();

        Response bad = patch(http, token, id, """
                {"title": "fine", "distance": -5, "sport": "quidditch", "startTime": "2999-01-01T00:00:00Z",
                 "elapsedTime": null, "source": "file", "visibility": "everyone", "maxHeartRate": "fast"}""");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("distance",
                "sport", "startTime", "elapsedTime", "source", "visibility", "maxHeartRate");
        assertThat(patch(http, token, id, "[1, 2]").json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(patch(http, token, id, "{\"title\": ").status()).isEqualTo(400);
        assertThat(patch(http, token, id, "{\"title\": \"" + "x".repeat(201) + "\"}").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/workouts/" + id, token).body()).isEqualTo(before);
        assertThat(http.get("/api/v1/athletes/me/stats", token).body()).isEqualTo(statsBefore);
    }

    @Test
    void aFileWorkoutsMeasurementsComeFromItsTrackAndCannotBeEdited() {
        UUID id = transactions.execute(tx -> fileWorkouts.record(new FileWorkout(user, Sport.RIDE, "From file",
                Visibility.PRIVATE, Instant.parse("2026-05-14T06:00:00Z"), 3600.0, 3500.0, 30000.0, 200.0, 190.0,
                8.5, 14.0, 140.0, 170.0, 85.0, null, null, 900.0, "Garmin", "Edge 530", List.of(), List.of(),
                List.of(), List.of(), List.of(), null)));

        Response metrics = patch(http, token, id.toString(), "{\"distance\": 31000, \"title\": \"Renamed\"}");
        assertThat(metrics.status()).isEqualTo(400);
        assertThat(metrics.json().get("errors").toString()).contains("distance").contains("manual");
        Response described = patch(http, token, id.toString(), "{\"title\": \"Renamed\", \"sport\": \"gravel\"}");
        assertThat(described.status()).isEqualTo(400);
        Response renamed = patch(http, token, id.toString(), "{\"title\": \"Renamed\", \"sport\": \"mountain-bike\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("sport").asString()).isEqualTo("mountain-bike");
        assertThat(renamed.json().get("distance").asDouble()).isEqualTo(30000.0);
        assertThat(renamed.json().get("deviceModel").asString()).isEqualTo("Edge 530");
    }

    @Test
    void anotherUsersWorkoutIsNotFoundLikeAMissingOneAndStaysUnchanged() {
        String id = create(WorkoutApiTest.run(Instant.parse("2026-05-15T06:00:00Z")));
        String before = http.get("/api/v1/workouts/" + id, token).body();
        String stranger = TestTokens.get().user(UUID.randomUUID());

        Response foreign = patch(http, stranger, id, "{\"title\": \"mine now\"}");
        Response missing = patch(http, stranger, UUID.randomUUID().toString(), "{\"title\": \"mine now\"}");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body().replace(missingId(missing), id));
        assertThat(http.get("/api/v1/workouts/" + id, token).body()).isEqualTo(before);
        assertThat(patch(http, null, id, "{\"title\": \"x\"}").status()).isEqualTo(401);
    }

    private static String missingId(Response missing) {
        String detail = missing.json().get("detail").asString();
        return detail.replaceAll(".*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}).*", "$1");
    }

    @Test
    void anEditPublishesWorkoutUpdatedOnceWithTheNewValues() {
        String id = create(WorkoutApiTest.run(Instant.parse("2026-05-16T06:00:00Z")));

        assertThat(patch(http, token, id, "{\"distance\": 10500, \"visibility\": \"private\"}").status())
                .isEqualTo(200);
        assertThat(patch(http, token, id, "{}").status()).isEqualTo(200); // no change: no event
        assertThat(patch(http, token, id, "{\"distance\": 10500}").status()).isEqualTo(200); // same value
        String marker = create(WorkoutApiTest.run(Instant.parse("2026-05-17T06:00:00Z")));

        List<ConsumerRecord<String, String>> records = new TestKafka(brokers).readUntil(Topics.WORKOUT_EVENTS,
                rs -> rs.stream().anyMatch(r -> r.value().contains(marker)), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> updates = records.stream().filter(r -> r.value().contains(id))
                .filter(r -> codec.read(r.value()).type().equals(EventTypes.WORKOUT_UPDATED)).toList();
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).key()).isEqualTo(user.toString());
        EventEnvelope envelope = codec.read(updates.get(0).value());
        WorkoutRecorded summary = codec.payload(envelope, WorkoutRecorded.class);
        assertThat(summary.workoutId().toString()).isEqualTo(id);
        assertThat(summary.distance()).isEqualTo(10500.0);
        assertThat(summary.visibility()).isEqualTo("private");
        assertThat(summary.sport()).isEqualTo("run");
        assertThat(envelope.subjectId()).isEqualTo(user.toString());
    }
}
