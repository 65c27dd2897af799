package dev.stride.workout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.contracts.payload.WorkoutRecorded;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestKafka;
import dev.stride.kit.test.TestTokens;

@StrideServiceTest
class WorkoutEventsTest {

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final EventCodec codec = new EventCodec();

    @Test
    void recordingAWorkoutPublishesASummaryKeyedByUser() {
        UUID user = UUID.randomUUID();
        String id = TestHttp.localhost(port).post("/api/v1/workouts", TestTokens.get().user(user),
                WorkoutApiTest.run(Instant.parse("2026-06-01T05:00:00Z"))).json().get("id").asString();

        var records = new TestKafka(brokers).readUntil(Topics.WORKOUT_EVENTS,
                rs -> rs.stream().anyMatch(r -> r.value().contains(id)), Duration.ofSeconds(30));

        var record = records.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(user.toString());
        EventEnvelope envelope = codec.read(record.value());
        assertThat(envelope.type()).isEqualTo(EventTypes.WORKOUT_RECORDED);
        assertThat(envelope.producer()).isEqualTo(Services.WORKOUT);
        WorkoutRecorded payload = codec.payload(envelope, WorkoutRecorded.class);
        assertThat(payload.distance()).isEqualTo(10000.0);
        assertThat(payload.elevationGain()).isNull();
        assertThat(envelope.traceContext()).containsKey("traceparent");
    }

    @Test
    void userDeletedErasesAllWorkoutsOfThatUserOnly() {
        TestHttp http = TestHttp.localhost(port);
        UUID leaving = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        String leavingWorkout = http.post("/api/v1/workouts", TestTokens.get().user(leaving),
                WorkoutApiTest.run(Instant.parse("2026-06-02T05:00:00Z"))).json().get("id").asString();
        String stayingWorkout = http.post("/api/v1/workouts", TestTokens.get().user(staying),
                WorkoutApiTest.run(Instant.parse("2026-06-02T05:00:00Z"))).json().get("id").asString();

        EventEnvelope deleted = codec.envelope(EventTypes.USER_DELETED, 1, Services.GATEWAY, leaving.toString(),
                new UserDeleted(leaving), Map.of());
        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, leaving.toString(), codec.write(deleted));
        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, leaving.toString(), codec.write(deleted));

        TestKafka.await(() -> http.get("/api/v1/workouts/" + leavingWorkout, TestTokens.get().user(leaving))
                .status() == 404, Duration.ofSeconds(30));
        assertThat(http.get("/api/v1/workouts/" + stayingWorkout, TestTokens.get().user(staying)).status())
                .isEqualTo(200);
    }
}
