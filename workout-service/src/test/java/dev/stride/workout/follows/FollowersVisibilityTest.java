package dev.stride.workout.follows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.FollowEnded;
import dev.stride.contracts.payload.FollowStarted;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestHttp.Response;
import dev.stride.kit.test.TestKafka;
import dev.stride.kit.test.TestTokens;
import dev.stride.workout.WorkoutApiTest;
import dev.stride.workout.upload.Uploads;
import tools.jackson.databind.JsonNode;

/**
 * "followers" visibility through HTTP with real tokens, the follow graph fed by real Kafka events
 * on the social topic: owner, follower and stranger see what the rules say, everything else is a
 * 404 identical to a missing workout, privacy zones apply to the follower.
 */
@StrideServiceTest
class FollowersVisibilityTest {

    static final double LAT = 46.0;
    static final double LON = 7.0;

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    JdbcTemplate jdbc;

    final EventCodec codec = new EventCodec();
    TestHttp http;
    UUID owner = UUID.randomUUID();
    UUID follower = UUID.randomUUID();
    UUID stranger = UUID.randomUUID();
    String ownerToken;
    String followerToken;
    String strangerToken;

    @BeforeEach
    void setUp() {
        http = TestHttp.localhost(port);
        ownerToken = TestTokens.get().user(owner);
        followerToken = TestTokens.get().user(follower);
        strangerToken = TestTokens.get().user(stranger);
    }

    private String manual(String token, String visibility, String day) {
        Map<String, Object> body = WorkoutApiTest.run(Instant.parse(day + "T06:00:00Z"));
        body.put("visibility", visibility);
        Response created = http.post("/api/v1/workouts", token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String uploaded(String visibility) {
        return Uploads.workoutOf(http, ownerToken, Uploads.run(Instant.parse("2026-03-03T07:00:00Z"), 3.0, 1500, LAT, LON),
                Map.of("visibility", visibility));
    }

    private EventEnvelope event(String type, Object payload, UUID followerKey) {
        return codec.envelope(type, 1, Services.SOCIAL, followerKey.toString(), payload, Map.of());
    }

    private void send(EventEnvelope envelope) {
        new TestKafka(brokers).send(Topics.SOCIAL_EVENTS, envelope.subjectId(), codec.write(envelope));
    }

    private int status(String path, String token) {
        return http.get(path, token).status();
    }

    /** The 404 of a workout the viewer may not see, with its id replaced: must equal a missing one's. */
    private void assertHiddenLikeMissing(String path, String id, String token) {
        Response hidden = http.get(path.replace("{id}", id), token);
        String missingId = UUID.randomUUID().toString();
        Response missing = http.get(path.replace("{id}", missingId), token);
        assertThat(hidden.status()).as(path + " " + hidden.body()).isEqualTo(404);
        assertThat(hidden.body().replace(id, missingId)).isEqualTo(missing.body());
    }

    @Test
    void followersOnlyWorkoutsAreSeenByTheOwnerAndFollowersWithZonesApplied() {
        String followersRun = uploaded("followers");
        String publicRun = manual(ownerToken, "public", "2026-03-04");
        String privateRun = manual(ownerToken, "private", "2026-03-05");
        assertThat(http.post("/api/v1/athletes/me/privacy-zones", ownerToken,
                Map.of("latitude", LAT, "longitude", LON, "radius", 300)).status()).isEqualTo(201);
        assertHiddenLikeMissing("/api/v1/workouts/{id}", followersRun, followerToken); // not following yet

        EventEnvelope started = event(EventTypes.FOLLOW_STARTED, new FollowStarted(follower, owner), follower);
        send(started);
        send(started); // a redelivery changes nothing
        TestKafka.await(() -> status("/api/v1/workouts/" + followersRun, followerToken) == 200,
                Duration.ofSeconds(30));

        // the owner sees everything, the whole route included
        for (String id : new String[] { followersRun, publicRun, privateRun }) {
            assertThat(status("/api/v1/workouts/" + id, ownerToken)).isEqualTo(200);
        }
        JsonNode own = http.get("/api/v1/workouts/" + followersRun, ownerToken).json();
        assertThat(own.get("polyline").isNull()).isFalse();
        assertThat(status("/api/v1/workouts/" + followersRun + "/file", ownerToken)).isEqualTo(200);

        // the follower: public and followers-only, zones removed, never the file or the private one
        JsonNode seen = http.get("/api/v1/workouts/" + followersRun, followerToken).json();
        assertThat(seen.get("distance").asDouble()).isEqualTo(own.get("distance").asDouble());
        assertThat(seen.get("polyline").isNull()).isTrue();
        JsonNode points = http.get("/api/v1/workouts/" + followersRun + "/streams?keys=latlng", followerToken).json()
                .get("latlng").get("data");
        JsonNode ownPoints = http.get("/api/v1/workouts/" + followersRun + "/streams?keys=latlng", ownerToken).json()
                .get("latlng").get("data");
        assertThat(points.size()).isPositive().isLessThan(ownPoints.size());
        for (JsonNode p : points) {
            assertThat(metres(p.get(0).asDouble(), p.get(1).asDouble())).isGreaterThan(300);
        }
        JsonNode map = http.get("/api/v1/workouts/" + followersRun + "/map", followerToken).json();
        assertThat(metres(map.get("startLatlng").get(0).asDouble(), map.get("startLatlng").get(1).asDouble()))
                .isGreaterThan(300);
        assertThat(status("/api/v1/workouts/" + publicRun, followerToken)).isEqualTo(200);
        assertHiddenLikeMissing("/api/v1/workouts/{id}", privateRun, followerToken);
        assertHiddenLikeMissing("/api/v1/workouts/{id}/streams", privateRun, followerToken);
        assertHiddenLikeMissing("/api/v1/workouts/{id}/file", followersRun, followerToken);

        // a stranger: public only
        assertThat(status("/api/v1/workouts/" + publicRun, strangerToken)).isEqualTo(200);
        assertHiddenLikeMissing("/api/v1/workouts/{id}", followersRun, strangerToken);
        assertHiddenLikeMissing("/api/v1/workouts/{id}/streams", followersRun, strangerToken);
        assertHiddenLikeMissing("/api/v1/workouts/{id}/map", followersRun, strangerToken);
        assertHiddenLikeMissing("/api/v1/workouts/{id}", privateRun, strangerToken);
        // following is one way: the owner does not see the follower's followers-only workouts
        String followersOwn = manual(followerToken, "followers", "2026-03-06");
        assertHiddenLikeMissing("/api/v1/workouts/{id}", followersOwn, ownerToken);

        // unfollow; then the older follow-started replayed (new event id) must not revive the follow
        send(event(EventTypes.FOLLOW_ENDED, new FollowEnded(follower, owner), follower));
        TestKafka.await(() -> status("/api/v1/workouts/" + followersRun, followerToken) == 404,
                Duration.ofSeconds(30));
        send(new EventEnvelope(UUID.randomUUID(), started.type(), started.version(), started.occurredAt(),
                started.producer(), started.subjectId(), started.payload(), Map.of()));
        // a marker on the same key (same partition, after the replay): once it applies, so did the replay
        String markerRun = manual(strangerToken, "followers", "2026-03-07");
        send(event(EventTypes.FOLLOW_STARTED, new FollowStarted(follower, stranger), follower));
        TestKafka.await(() -> status("/api/v1/workouts/" + markerRun, followerToken) == 200,
                Duration.ofSeconds(30));
        assertHiddenLikeMissing("/api/v1/workouts/{id}", followersRun, followerToken);
        assertThat(status("/api/v1/workouts/" + publicRun, followerToken)).isEqualTo(200);
    }

    @Test
    void userDeletedErasesTheUsersFollowsInBothDirectionsOnly() {
        UUID leaving = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        send(event(EventTypes.FOLLOW_STARTED, new FollowStarted(leaving, other), leaving));
        send(event(EventTypes.FOLLOW_STARTED, new FollowStarted(other, leaving), other));
        send(event(EventTypes.FOLLOW_STARTED, new FollowStarted(other, stranger), other));
        TestKafka.await(() -> rows(leaving) == 2 && rows(stranger) == 1, Duration.ofSeconds(30));

        EventEnvelope deleted = codec.envelope(EventTypes.USER_DELETED, 1, Services.GATEWAY, leaving.toString(),
                new UserDeleted(leaving), Map.of());
        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, leaving.toString(), codec.write(deleted));

        TestKafka.await(() -> rows(leaving) == 0, Duration.ofSeconds(30));
        assertThat(rows(stranger)).isEqualTo(1);
        assertThat(rows(other)).isEqualTo(1);

        // social-service may still send a follow of the deleted user after the deletion (it had
        // not seen it yet): it must not bring a row back. The marker after it, on the same key and
        // so the same partition, shows that the late event has been consumed.
        send(event(EventTypes.FOLLOW_STARTED, new FollowStarted(other, leaving), other));
        send(event(EventTypes.FOLLOW_ENDED, new FollowEnded(other, stranger), other));
        TestKafka.await(() -> !following(other, stranger), Duration.ofSeconds(30));
        assertThat(rows(leaving)).isZero();
    }

    private boolean following(UUID follower, UUID followee) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select following from follow where follower_id = ? and followee_id = ?", Boolean.class, follower,
                followee));
    }

    private int rows(UUID user) {
        return jdbc.queryForObject("select count(*) from follow where follower_id = ? or followee_id = ?",
                Integer.class, user, user);
    }

    private static double metres(double lat, double lon) {
        double dLat = Math.toRadians(lat - LAT);
        double dLon = Math.toRadians(lon - LON);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(LAT))
                * Math.cos(Math.toRadians(lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
    }
}
