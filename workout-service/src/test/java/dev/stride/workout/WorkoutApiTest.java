package dev.stride.workout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.stride.contracts.Services;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestHttp.Response;
import dev.stride.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;

@StrideServiceTest
public class WorkoutApiTest {

    @LocalServerPort
    int port;

    TestHttp http;
    UUID user = UUID.randomUUID();
    String token;

    @BeforeEach
    void setUp() {
        http = TestHttp.localhost(port);
        token = TestTokens.get().user(user);
    }

    public static Map<String, Object> run(Instant start) {
        Map<String, Object> body = new HashMap<>();
        body.put("sport", "run");
        body.put("startTime", start.toString());
        body.put("elapsedTime", 3000.0);
        body.put("distance", 10000.0);
        body.put("title", "Tempo <b>run</b>");
        return body;
    }

    @Test
    void recordedWorkoutIsReadBackWithSiUnitsAndNullsForAbsentValues() {
        Response created = http.post("/api/v1/workouts", token, run(Instant.parse("2026-05-01T06:00:00Z")));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/workouts/" + id);

        JsonNode workout = http.get("/api/v1/workouts/" + id, token).json();
        assertThat(workout.get("sport").asString()).isEqualTo("run");
        assertThat(workout.get("distance").asDouble()).isEqualTo(10000.0);
        assertThat(workout.get("movingTime").asDouble()).isEqualTo(3000.0);
        assertThat(workout.get("averageSpeed").asDouble()).isEqualTo(10000.0 / 3000.0);
        assertThat(workout.get("maxHeartRate").isNull()).isTrue();
        assertThat(workout.get("elevationGain").isNull()).isTrue();
        assertThat(workout.get("visibility").asString()).isEqualTo("followers");
        assertThat(workout.get("title").asString()).isEqualTo("Tempo <b>run</b>");
    }

    @Test
    void anotherUsersWorkoutIsANotFoundLikeAMissingOne() {
        String id = http.post("/api/v1/workouts", token, run(Instant.parse("2026-05-02T06:00:00Z"))).json().get("id")
                .asString();
        String stranger = TestTokens.get().user(UUID.randomUUID());

        Response foreign = http.get("/api/v1/workouts/" + id, stranger);
        Response missing = http.get("/api/v1/workouts/" + UUID.randomUUID(), stranger);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(http.delete("/api/v1/workouts/" + id, stranger).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/workouts/" + id, token).status()).isEqualTo(200);
    }

    @Test
    void listPagesThroughEveryWorkoutOnceNewestFirst() {
        Instant base = Instant.parse("2026-03-01T07:00:00Z");
        for (int i = 0; i < 7; i++) {
            http.post("/api/v1/workouts", token, run(base.plus(Duration.ofDays(i % 3)))); // ties on startTime
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        Instant previous = Instant.MAX;
        do {
            JsonNode page = http.get("/api/v1/workouts?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), token)
                    .json();
            for (JsonNode item : page.get("items")) {
                assertThat(seen.add(item.get("id").asString())).isTrue();
                Instant start = Instant.parse(item.get("startTime").asString());
                assertThat(start).isBeforeOrEqualTo(previous);
                previous = start;
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        while (cursor != null);
        assertThat(seen).hasSize(7);
    }

    @Test
    void deletedWorkoutIsGone() {
        String id = http.post("/api/v1/workouts", token, run(Instant.parse("2026-04-01T06:00:00Z"))).json().get("id")
                .asString();

        assertThat(http.delete("/api/v1/workouts/" + id, token).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/workouts/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void impossibleValuesAreRejectedWithFieldErrors() {
        Map<String, Object> body = run(Instant.now().plus(Duration.ofDays(2)));
        body.put("distance", -5);
        body.put("sport", "run");

        Response response = http.post("/api/v1/workouts", token, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").toString()).contains("distance").contains("startTime");
    }

    @Test
    void unknownSportIsABadRequest() {
        Map<String, Object> body = run(Instant.parse("2026-04-01T06:00:00Z"));
        body.put("sport", "quidditch");

        Response response = http.post("/api/v1/workouts", token, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void badCursorIsABadRequest() {
        Response response = http.get("/api/v1/workouts?cursor=garbage!", token);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void internalApiIsClosedToUserTokensAndToServiceTokensOfOtherServices() {
        String user = http.get("/internal/v1/users/" + this.user + "/workout-summary", token).body();
        Response asUser = http.get("/internal/v1/users/" + this.user + "/workout-summary", token);
        Response foreign = http.get("/internal/v1/users/" + this.user + "/workout-summary",
                TestTokens.get().service(Services.SOCIAL, Services.MARKETING));
        Response own = http.get("/internal/v1/users/" + this.user + "/workout-summary",
                TestTokens.get().service(Services.SOCIAL, Services.WORKOUT));

        assertThat(user).doesNotContain("workouts\":");
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(own.status()).isEqualTo(200);
    }
}
