package dev.stride.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.stride.contracts.payload.AccountSettingsChanged;
import dev.stride.contracts.payload.FollowEnded;
import dev.stride.contracts.payload.FollowStarted;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.contracts.payload.WorkoutRecorded;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void envelopeSurvivesJsonRoundTripWithItsPayload() {
        UserRegistered payload = new UserRegistered(UUID.randomUUID(), "ana@example.org", "Ана", "ru", "Europe/Moscow");
        EventEnvelope sent = codec.envelope(EventTypes.USER_REGISTERED, 1, Services.GATEWAY,
                payload.userId().toString(), payload, Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

        EventEnvelope received = codec.read(codec.write(sent));

        assertThat(received).isEqualTo(sent);
        assertThat(codec.payload(received, UserRegistered.class)).isEqualTo(payload);
    }

    @Test
    void timestampsAreIsoStringsOnTheWire() {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventTypes.USER_DELETED, 1,
                Instant.parse("2026-01-02T03:04:05.123Z"), Services.GATEWAY, "u1",
                codec.tree(new UserDeleted(UUID.randomUUID())), Map.of());

        assertThat(codec.write(envelope)).contains("\"occurredAt\":\"2026-01-02T03:04:05.123Z\"");
    }

    @Test
    void everyPayloadRecordRoundTrips() {
        UUID user = UUID.randomUUID();
        Object[] payloads = {
                new UserDeleted(user),
                new WorkoutRecorded(UUID.randomUUID(), user, "run", Instant.parse("2026-05-01T06:00:00Z"), 3600.0,
                        3500.5, 10000.0, null, "public"),
                new FollowStarted(user, UUID.randomUUID()), new FollowEnded(user, UUID.randomUUID()),
                new AccountSettingsChanged(user, "en", "America/Argentina/Buenos_Aires",
                        Instant.parse("2026-05-01T06:00:00.123456Z")),
                new NotificationRequested(user, "account", "email-verification", Map.of("link", "https://x/y"), "k-1",
                        null) };
        for (Object payload : payloads) {
            EventEnvelope envelope = codec.envelope("t", 1, Services.WORKOUT, user.toString(), payload, null);
            assertThat(codec.payload(codec.read(codec.write(envelope)), payload.getClass())).isEqualTo(payload);
        }
    }

    @Test
    void absentMeasurementsStayNullNotZero() {
        WorkoutRecorded payload = new WorkoutRecorded(UUID.randomUUID(), UUID.randomUUID(), "swim",
                Instant.parse("2026-05-01T06:00:00Z"), null, null, null, null, "private");
        EventEnvelope envelope = codec.envelope("t", 1, Services.WORKOUT, "s", payload, null);

        WorkoutRecorded back = codec.payload(codec.read(codec.write(envelope)), WorkoutRecorded.class);

        assertThat(back.distance()).isNull();
        assertThat(back.elevationGain()).isNull();
    }

    @Test
    void unknownFieldsAreToleratedForForwardCompatibility() {
        String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"user-deleted\",\"version\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"producer\":\"gateway-service\",\"subjectId\":\"u\","
                + "\"payload\":{\"userId\":\"" + UUID.randomUUID() + "\",\"reason\":\"new field\"},\"extra\":true}";

        EventEnvelope envelope = codec.read(json);

        assertThat(codec.payload(envelope, UserDeleted.class).userId()).isNotNull();
        assertThat(envelope.traceContext()).isEmpty();
    }

    @Test
    void malformedJsonIsRejectedAsMalformedEvent() {
        assertThatThrownBy(() -> codec.read("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.read("null")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.read("{\"type\":\"x\"}")).isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("not a valid event envelope");
        String withoutId = "{\"type\":\"user-deleted\",\"version\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\","
                + "\"producer\":\"gateway-service\",\"subjectId\":\"u\",\"payload\":{}}";
        assertThatThrownBy(() -> codec.read(withoutId)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("eventId");
    }

    @Test
    void payloadOfTheWrongShapeIsRejected() {
        EventEnvelope envelope = codec.envelope("user-deleted", 1, Services.GATEWAY, "u", Map.of("userId", "nope"),
                null);

        assertThatThrownBy(() -> codec.payload(envelope, UserDeleted.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("UserDeleted");
    }

    @Test
    void deadLetterTopicFollowsSpringKafkaNaming() {
        assertThat(Topics.deadLetter(Topics.WORKOUT_EVENTS)).isEqualTo("stride.workout.events.v1-dlt");
        assertThat(Topics.ALL).doesNotHaveDuplicates().allSatisfy(t -> assertThat(t).startsWith("stride."));
    }
}
