package dev.stride.workout.gear;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.NotificationTemplates;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.GearThresholdReached;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.workout.AthleteHttpTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestHttp.Response;
import dev.stride.kit.test.TestKafka;
import dev.stride.kit.test.TestTokens;
import dev.stride.workout.WorkoutEditTest;
import tools.jackson.databind.JsonNode;

@StrideServiceTest
class GearTest extends AthleteHttpTest {

    static Map<String, Object> gear(String type, String name, List<String> defaultFor, Double retirement) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("name", name);
        body.put("brand", "Acme");
        body.put("model", "Pegasus");
        body.put("defaultFor", defaultFor);
        body.put("retirementDistance", retirement);
        return body;
    }

    static Map<String, Object> workout(String sport, double distance, UUID gearId) {
        Map<String, Object> body = new HashMap<>();
        body.put("sport", sport);
        body.put("startTime", Instant.now().minusSeconds(7200).toString());
        body.put("elapsedTime", 3000.0);
        body.put("movingTime", 2900.0);
        body.put("distance", distance);
        if (gearId != null) {
            body.put("gearId", gearId.toString());
        }
        return body;
    }

    String create(Map<String, Object> body) {
        Response response = http.post("/api/v1/gear", token, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    JsonNode record(Map<String, Object> body) {
        Response response = http.post("/api/v1/workouts", token, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    JsonNode get(String id) {
        return http.get("/api/v1/gear/" + id, token).json();
    }

    @Test
    void crudWithDefaultsPerSport() {
        Response created = http.post("/api/v1/gear", token, gear("shoes", "Racer", List.of("run", "trail-run"), 800000.0));
        assertThat(created.status()).isEqualTo(201);
        String racer = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/gear/" + racer);
        assertThat(created.json().get("defaultFor")).extracting(JsonNode::asString).containsExactly("run", "trail-run");
        assertThat(created.json().get("distance").asDouble()).isZero();
        assertThat(created.json().get("retired").asBoolean()).isFalse();

        // a second item takes trail-run over
        String trail = create(gear("shoes", "Trail", List.of("trail-run"), null));
        assertThat(get(racer).get("defaultFor")).extracting(JsonNode::asString).containsExactly("run");

        Response replaced = http.put("/api/v1/gear/" + racer, token, gear("shoes", "Racer v2", List.of("walk"), 600000.0));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("name").asString()).isEqualTo("Racer v2");
        assertThat(replaced.json().get("retirementDistance").asDouble()).isEqualTo(600000.0);
        assertThat(replaced.json().get("defaultFor")).extracting(JsonNode::asString).containsExactly("walk");

        JsonNode list = http.get("/api/v1/gear", token).json().get("items");
        assertThat(list).extracting(item -> item.get("id").asString()).containsExactly(trail, racer);

        assertThat(http.delete("/api/v1/gear/" + trail, token).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/gear/" + trail, token).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/gear", token).json().get("items")).hasSize(1);
    }

    @Test
    void defaultGearIsAppliedToNewWorkoutsAndTotalsFollowWorkouts() {
        String shoes = create(gear("shoes", "Daily", List.of("run"), null));
        String bike = create(gear("bike", "Road", List.of(), null));

        JsonNode run = record(workout("run", 10000, null));
        JsonNode ride = record(workout("ride", 40000, UUID.fromString(bike)));
        JsonNode swim = record(workout("swim-pool", 1500, null));
        record(workout("run", 5000, null));

        assertThat(run.get("gearId").asString()).isEqualTo(shoes);
        assertThat(http.get("/api/v1/workouts/" + run.get("id").asString(), token).json().get("gearId").asString())
                .isEqualTo(shoes);
        assertThat(ride.get("gearId").asString()).isEqualTo(bike);
        assertThat(swim.get("gearId").isNull()).isTrue();
        assertThat(get(shoes).get("distance").asDouble()).isEqualTo(15000.0);
        assertThat(get(shoes).get("movingTime").asDouble()).isEqualTo(5800.0);
        assertThat(get(shoes).get("workouts").asInt()).isEqualTo(2);
        assertThat(get(bike).get("distance").asDouble()).isEqualTo(40000.0);

        assertThat(http.delete("/api/v1/workouts/" + run.get("id").asString(), token).status()).isEqualTo(204);
        assertThat(get(shoes).get("distance").asDouble()).isEqualTo(5000.0);
        assertThat(get(shoes).get("workouts").asInt()).isEqualTo(1);

        // a retired item is no longer anyone's default, and unretiring does not bring the default back
        assertThat(http.post("/api/v1/gear/" + shoes + "/retire", token, "").json().get("retired").asBoolean()).isTrue();
        assertThat(record(workout("run", 1000, null)).get("gearId").isNull()).isTrue();
        assertThat(get(shoes).get("defaultFor")).isEmpty();
        JsonNode unretired = http.post("/api/v1/gear/" + shoes + "/unretire", token, "").json();
        assertThat(unretired.get("retired").asBoolean()).isFalse();
        assertThat(unretired.get("retiredAt").isNull()).isTrue();
        // a retired item can still be chosen explicitly
        http.post("/api/v1/gear/" + bike + "/retire", token, "");
        assertThat(record(workout("ride", 1000, UUID.fromString(bike))).get("gearId").asString()).isEqualTo(bike);
        assertThat(http.put("/api/v1/gear/" + bike, token, gear("bike", "Road", List.of("ride"), null)).status())
                .isEqualTo(409);

        // deleting an item leaves its workouts without gear
        assertThat(http.delete("/api/v1/gear/" + bike, token).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/workouts/" + ride.get("id").asString(), token).json().get("gearId").isNull())
                .isTrue();
        assertThat(http.delete("/api/v1/workouts/" + ride.get("id").asString(), token).status()).isEqualTo(204);
    }

    @Test
    void anotherUsersGearIsNotFoundAndCannotBeUsed() {
        String mine = create(gear("bike", "Mine", List.of("ride"), null));
        UUID stranger = UUID.randomUUID();
        String theirs = TestTokens.get().user(stranger);

        assertThat(http.get("/api/v1/gear/" + mine, theirs).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/gear/" + UUID.randomUUID(), token).status()).isEqualTo(404);
        assertThat(http.put("/api/v1/gear/" + mine, theirs, gear("bike", "Taken", List.of(), null)).status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/gear/" + mine + "/retire", theirs, "").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/gear/" + mine + "/unretire", theirs, "").status()).isEqualTo(404);
        Response deleted = http.delete("/api/v1/gear/" + mine, theirs);
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/api/v1/gear", theirs).json().get("items")).isEmpty();

        Response foreignGear = http.post("/api/v1/workouts", theirs, workout("ride", 1000, UUID.fromString(mine)));
        assertThat(foreignGear.status()).isEqualTo(400);
        assertThat(foreignGear.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(foreignGear.json().get("errors").get(0).get("field").asString()).isEqualTo("gearId");
        // nor does my default reach the stranger's rides
        assertThat(http.post("/api/v1/workouts", theirs, workout("ride", 1000, null)).json().get("gearId").isNull())
                .isTrue();
        assertThat(get(mine).get("name").asString()).isEqualTo("Mine");
        assertThat(get(mine).get("workouts").asInt()).isZero();
    }

    @Test
    void badInputIsRejected() {
        Map<String, Object> unknownType = gear("skateboard", "Board", List.of(), null);
        Map<String, Object> blankName = gear("shoes", " ", List.of(), null);
        Map<String, Object> unknownSport = gear("shoes", "X", List.of("quidditch"), null);
        Map<String, Object> negative = gear("shoes", "X", List.of(), -5.0);

        assertThat(http.post("/api/v1/gear", token, unknownType).json().get("code").asString())
                .isEqualTo("MALFORMED_REQUEST");
        Response blank = http.post("/api/v1/gear", token, blankName);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").toString()).contains("name");
        assertThat(http.post("/api/v1/gear", token, unknownSport).status()).isEqualTo(400);
        Response below = http.post("/api/v1/gear", token, negative);
        assertThat(below.status()).isEqualTo(400);
        assertThat(below.json().get("errors").toString()).contains("retirementDistance");
        assertThat(http.get("/api/v1/gear/not-a-uuid", token).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/gear", token).json().get("items")).isEmpty();
    }

    @Test
    void onlyAnEditThatAddsDistanceToAnItemCanTriggerItsRetirement() {
        String shoes = create(gear("shoes", "Worn", List.of(), 20000.0));
        String id = record(workout("run", 15000, UUID.fromString(shoes))).get("id").asString();
        assertThat(http.put("/api/v1/gear/" + shoes, token, gear("shoes", "Worn", List.of(), 10000.0)).status())
                .isEqualTo(200); // now below the distance it has: the next distance added triggers

        assertThat(WorkoutEditTest.patch(http, token, id, "{\"title\": \"Easy\", \"sport\": \"trail-run\"}")
                .status()).isEqualTo(200);
        assertThat(WorkoutEditTest.patch(http, token, id, "{\"distance\": 14000}").status()).isEqualTo(200);
        assertThat(get(shoes).get("retirementNotifiedAt").isNull()).isTrue();
        assertThat(get(shoes).get("distance").asDouble()).isEqualTo(14000.0);

        assertThat(WorkoutEditTest.patch(http, token, id, "{\"distance\": 14500}").status()).isEqualTo(200);
        assertThat(get(shoes).get("retirementNotifiedAt").isNull()).isFalse();
        assertThat(get(shoes).get("distance").asDouble()).isEqualTo(14500.0);
    }

    @Test
    void passingTheRetirementDistanceNotifiesOnceAndPublishesAnEvent() {
        String shoes = create(gear("shoes", "Old faithful", List.of("run"), 20000.0));
        String other = create(gear("shoes", "Spare", List.of(), 1000.0));

        record(workout("run", 15000, null)); // 15 km: below
        JsonNode crossing = record(workout("run", 6000, null)); // 21 km: crosses
        JsonNode after = record(workout("run", 6000, null)); // 27 km: already told
        assertThat(after.get("gearId").asString()).isEqualTo(shoes);
        http.delete("/api/v1/workouts/" + after.get("id").asString(), token);
        http.delete("/api/v1/workouts/" + crossing.get("id").asString(), token); // back below 20 km
        record(workout("run", 6000, null)); // crosses again: still only once
        record(workout("run", 2000, UUID.fromString(other))); // the marker: a later crossing of another item
        assertThat(get(shoes).get("retirementNotifiedAt").isNull()).isFalse();
        assertThat(get(shoes).get("distance").asDouble()).isEqualTo(21000.0);

        List<ConsumerRecord<String, String>> notifications = new TestKafka(brokers).readUntil(
                Topics.NOTIFICATION_REQUESTS, rs -> rs.stream().anyMatch(r -> r.value().contains("gear-retirement:" + other)),
                Duration.ofSeconds(30));
        List<NotificationRequested> mine = notifications.stream().filter(r -> r.value().contains(shoes))
                .map(r -> codec.payload(codec.read(r.value()), NotificationRequested.class)).toList();
        assertThat(mine).hasSize(1);
        NotificationRequested request = mine.get(0);
        assertThat(request.recipientUserId()).isEqualTo(user);
        assertThat(request.templateId()).isEqualTo(NotificationTemplates.GEAR_RETIREMENT);
        assertThat(request.category()).isEqualTo("product");
        assertThat(request.idempotencyKey()).isEqualTo("gear-retirement:" + shoes);
        // the words notification-service's gear-retirement template needs
        assertThat(request.parameters()).containsEntry(NotificationTemplates.GEAR_NAME, "Old faithful")
                .containsEntry(NotificationTemplates.DISTANCE_KM, "21").containsEntry("gearId", shoes);
        assertThat(notifications.stream().filter(r -> r.value().contains(shoes)).findFirst().orElseThrow().key())
                .isEqualTo(user.toString());

        List<ConsumerRecord<String, String>> events = new TestKafka(brokers).readUntil(Topics.WORKOUT_EVENTS,
                rs -> rs.stream().anyMatch(r -> r.value().contains(EventTypes.GEAR_THRESHOLD_REACHED)
                        && r.value().contains(other)), Duration.ofSeconds(30));
        List<EventEnvelope> reached = events.stream().map(r -> codec.read(r.value()))
                .filter(e -> e.type().equals(EventTypes.GEAR_THRESHOLD_REACHED))
                .filter(e -> codec.payload(e, GearThresholdReached.class).gearId().toString().equals(shoes)).toList();
        assertThat(reached).hasSize(1);
        GearThresholdReached payload = codec.payload(reached.get(0), GearThresholdReached.class);
        assertThat(reached.get(0).subjectId()).isEqualTo(user.toString());
        assertThat(payload.userId()).isEqualTo(user);
        assertThat(payload.gearType()).isEqualTo("shoes");
        assertThat(payload.brand()).isEqualTo("Acme");
        assertThat(payload.model()).isEqualTo("Pegasus");
        assertThat(payload.distance()).isEqualTo(21000.0);
        assertThat(payload.retirementDistance()).isEqualTo(20000.0);
        assertThat(payload.workoutId().toString()).isEqualTo(crossing.get("id").asString());
        assertThat(reached.get(0).toString()).doesNotContain("Old faithful");
    }

    @Test
    void retiredItemsDoNotAskToBeRetired() {
        String shoes = create(gear("shoes", "Retired", List.of(), 1000.0));
        http.post("/api/v1/gear/" + shoes + "/retire", token, "");
        record(workout("run", 5000, UUID.fromString(shoes)));
        assertThat(get(shoes).get("distance").asDouble()).isEqualTo(5000.0);
        assertThat(get(shoes).get("retirementNotifiedAt").isNull()).isTrue();
    }
}
