package dev.stride.workout.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.NotificationTemplates;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.workout.AthleteHttpTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestKafka;
import dev.stride.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The upload pipeline end to end: HTTP → encrypted row → outbox → Kafka work topic → parse and
 * analyze → workout, streams and events; failures with readable reasons and notification requests.
 */
@StrideServiceTest
class UploadPipelineTest extends AthleteHttpTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UploadSweep sweep;

    private JsonNode uploadAndFinish(String fileName, byte[] content, Map<String, String> fields) {
        TestHttp.Response accepted = Uploads.upload(http, token, fileName, content, fields);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("status").asString()).isIn("QUEUED", "FAILED");
        return Uploads.finished(http, token, accepted.json().get("id").asString());
    }

    private void assertDoneWithDistance(String file, double expected, double relativeTolerance) {
        JsonNode upload = uploadAndFinish(file.substring(4), Uploads.shared(file), Map.of());
        assertThat(upload.get("status").asString()).as(upload.toString()).isEqualTo("DONE");
        JsonNode workout = http.get("/api/v1/workouts/" + upload.get("workoutId").asString(), token).json();
        assertThat(workout.get("source").asString()).isEqualTo("file");
        assertThat(workout.get("distance").asDouble()).isCloseTo(expected, within(expected * relativeTolerance));
        assertThat(workout.get("splits").isArray()).isTrue();
        assertThat(workout.get("bestEfforts").isArray()).isTrue();

        JsonNode streams = http.get("/api/v1/workouts/" + upload.get("workoutId").asString()
                + "/streams?keys=time,distance,latlng,watts&resolution=low", token).json();
        int original = streams.get("time").get("originalSize").asInt();
        assertThat(original).isPositive();
        assertThat(streams.get("time").get("data").size()).isEqualTo(Math.min(100, original));
        assertThat(streams.get("latlng").get("data").get(0).size()).isEqualTo(2);
        JsonNode distance = streams.get("distance").get("data");
        assertThat(distance.get(distance.size() - 1).asDouble()).isCloseTo(expected, within(expected * 0.02));
    }

    @Test
    void gpxTcxAndFitUploadsReachDoneWithTheSourceProjectsDistanceAndReadableStreams() {
        // tolerances as in RealDataVerificationTest (docs/workouts.md): saf ±0.5 %, tcxparser ±0.1 %, FitTrackee ±1 %
        assertDoneWithDistance("gpx/saf_riderx3.gpx", 5774.703, 0.005);
        assertDoneWithDistance("tcx/tcxparser_test.tcx", 4686.31103516, 0.001);
        assertDoneWithDistance("fit/fittrackee_example.fit", 318, 0.01);
    }

    @Test
    void gzipCompressedFileIsAccepted() throws IOException {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(Uploads.shared("gpx/gpxgo_file.gpx"));
        }
        JsonNode upload = uploadAndFinish("file.gpx.gz", gz.toByteArray(), Map.of("sport", "walk"));
        assertThat(upload.get("status").asString()).isEqualTo("DONE");
        JsonNode workout = http.get("/api/v1/workouts/" + upload.get("workoutId").asString(), token).json();
        assertThat(workout.get("sport").asString()).isEqualTo("walk");
    }

    @Test
    void brokenFitAndXxeGpxFailWithAReadableReasonAndANotificationRequest() {
        JsonNode broken = uploadAndFinish("broken.fit", Uploads.shared("fit/fitparse_activity-filecrc.fit"), Map.of());
        assertThat(broken.get("status").asString()).isEqualTo("FAILED");
        assertThat(broken.get("error").asString()).containsIgnoringCase("damaged").doesNotContain("Exception");

        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<gpx version=\"1.1\"><trk><name>&xxe;</name><trkseg><trkpt lat=\"45\" lon=\"7\">"
                + "<time>2024-05-01T08:00:00Z</time></trkpt></trkseg></trk></gpx>").getBytes(StandardCharsets.UTF_8);
        JsonNode unsafe = uploadAndFinish("xxe.gpx", xxe, Map.of());
        assertThat(unsafe.get("status").asString()).isEqualTo("FAILED");
        assertThat(unsafe.get("error").asString()).isNotBlank().doesNotContain("root:");

        for (JsonNode failed : new JsonNode[] {broken, unsafe}) {
            String key = "upload-failed:" + failed.get("id").asString();
            var records = new TestKafka(brokers).readUntil(Topics.NOTIFICATION_REQUESTS,
                    rs -> rs.stream().anyMatch(r -> r.value().contains(key)), Duration.ofSeconds(30));
            var record = records.stream().filter(r -> r.value().contains(key)).findFirst().orElseThrow();
            assertThat(record.key()).isEqualTo(user.toString());
            EventEnvelope envelope = codec.read(record.value());
            assertThat(envelope.type()).isEqualTo(EventTypes.NOTIFICATION_REQUESTED);
            NotificationRequested request = codec.payload(envelope, NotificationRequested.class);
            assertThat(request.templateId()).isEqualTo(NotificationTemplates.UPLOAD_FAILED);
            assertThat(request.category()).isEqualTo("product");
            assertThat(request.recipientUserId()).isEqualTo(user);
            assertThat(request.parameters().get(NotificationTemplates.REASON)).isEqualTo(failed.get("error").asString());
            assertThat(request.parameters().get(NotificationTemplates.FILE_NAME)).isNotBlank();
        }
    }

    @Test
    void theWorkItemCarriesOnlyTheUploadIdKeyedByUser() {
        JsonNode done = uploadAndFinish("file.gpx", Uploads.shared("gpx/gpxgo_file.gpx"), Map.of());
        String id = done.get("id").asString();
        var records = new TestKafka(brokers).readUntil(Topics.WORKOUT_UPLOADS,
                rs -> rs.stream().anyMatch(r -> r.value().contains(id)), Duration.ofSeconds(30));
        var record = records.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(user.toString());
        EventEnvelope envelope = codec.read(record.value());
        assertThat(envelope.type()).isEqualTo(EventTypes.WORKOUT_UPLOAD_REQUESTED);
        assertThat(envelope.payload().toString()).isEqualTo("{\"uploadId\":\"" + id + "\"}");
        byte[] stored = jdbc.sql("select content from upload where id = :id").param("id", UUID.fromString(id))
                .query(byte[].class).single();
        byte[] original = Uploads.shared("gpx/gpxgo_file.gpx");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("trkpt");
        assertThat(stored).isNotEqualTo(original);
    }

    @Test
    void theSameFileTwiceFailsWithTheFirstWorkoutId() {
        byte[] file = Uploads.shared("gpx/dougfales_one_segment.gpx");
        JsonNode first = uploadAndFinish("a.gpx", file, Map.of());
        assertThat(first.get("status").asString()).isEqualTo("DONE");
        JsonNode second = uploadAndFinish("b.gpx", file, Map.of());
        assertThat(second.get("status").asString()).isEqualTo("FAILED");
        assertThat(second.get("workoutId").asString()).isEqualTo(first.get("workoutId").asString());
        assertThat(second.get("error").asString()).contains("already uploaded");
    }

    @Test
    void anOverlappingWorkoutOfTheSameSportFailsWithItsId() {
        Instant start = Instant.parse("2026-03-01T07:00:00Z");
        JsonNode first = uploadAndFinish("a.gpx", Uploads.run(start, 3, 1500, 46.0, 7.0), Map.of());
        assertThat(first.get("status").asString()).isEqualTo("DONE");
        // other bytes (another place), starting 2 minutes into the first one
        JsonNode overlapping = uploadAndFinish("b.gpx", Uploads.run(start.plusSeconds(120), 3, 1500, 47.0, 7.0),
                Map.of());
        assertThat(overlapping.get("status").asString()).isEqualTo("FAILED");
        assertThat(overlapping.get("workoutId").asString()).isEqualTo(first.get("workoutId").asString());
        JsonNode otherSport = uploadAndFinish("c.gpx", Uploads.run(start.plusSeconds(120), 3, 1500, 48.0, 7.0),
                Map.of("sport", "walk"));
        assertThat(otherSport.get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void anotherUsersUploadFileAndStreamsAreNotFound() {
        JsonNode done = uploadAndFinish("file.gpx", Uploads.shared("gpx/gpxgo_file.gpx"), Map.of("visibility", "private"));
        String workout = done.get("workoutId").asString();
        String stranger = TestTokens.get().user(UUID.randomUUID());
        assertThat(http.get("/api/v1/workouts/uploads/" + done.get("id").asString(), stranger).status()).isEqualTo(404);
        assertThat(http.send(http.request("/api/v1/workouts/" + workout + "/file", stranger).header("Accept", "*/*")
                .GET().build()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/workouts/" + workout + "/streams", stranger).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/workouts/" + workout + "/map", stranger).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/workouts/" + workout + "/streams", token).status()).isEqualTo(200);
    }

    @Test
    void aFileOverTheLimitIs413AndNothingIsStoredAlsoWhenChunked() throws Exception {
        byte[] big = new byte[25 * 1024 * 1024 + 64 * 1024];
        Arrays.fill(big, (byte) '<');
        byte[] body = Uploads.multipart("filename=\"big.gpx\"", big, Map.of());

        TestHttp.Response sized = http.send(Uploads.post(http, token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(sized.status()).isEqualTo(413);
        assertThat(sized.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");

        // an InputStream publisher of unknown length is sent chunked, without Content-Length
        HttpRequest chunked = Uploads.post(http, token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.request().headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.statusCode()).isEqualTo(413);

        assertThat(jdbc.sql("select count(*) from upload where user_id = :user").param("user", user)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theOriginalFileIsDownloadedWithASafeContentDisposition() throws Exception {
        byte[] file = Uploads.shared("gpx/gpxgo_file.gpx");
        // the client names the file "../../evil\r\n.gpx" (quotes included), sent RFC 2231-encoded
        byte[] body = Uploads.multipart("filename*=UTF-8''%22..%2F..%2Fevil%0D%0A.gpx%22", file, Map.of());
        TestHttp.Response accepted = http.send(Uploads.post(http, token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode done = Uploads.finished(http, token, accepted.json().get("id").asString());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");

        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(http.request("/api/v1/workouts/"
                + done.get("workoutId").asString() + "/file", token).header("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/gpx+xml");
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).isEqualTo("attachment; filename=\"evil.gpx\"; filename*=UTF-8''evil.gpx");
    }

    @Test
    void anUploadStuckInProcessingIsFailedByTheSweep() {
        UUID stuck = UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(20));
        jdbc.sql("""
                insert into upload (id, user_id, file_name, size_bytes, sha256, status, created_at, updated_at,
                    processing_started_at)
                values (:id, :user, 'x.fit', 1, :sha, 'PROCESSING', :t, :t, :t)""")
                .param("id", stuck).param("user", user).param("sha", "0".repeat(64))
                .param("t", java.sql.Timestamp.from(longAgo)).update();
        UUID recent = UUID.randomUUID();
        jdbc.sql("""
                insert into upload (id, user_id, file_name, size_bytes, sha256, status, created_at, updated_at,
                    processing_started_at)
                values (:id, :user, 'y.fit', 1, :sha, 'PROCESSING', now(), now(), now())""")
                .param("id", recent).param("user", user).param("sha", "1".repeat(64)).update();

        assertThat(sweep.sweep(Instant.now())).isGreaterThanOrEqualTo(1);

        JsonNode swept = http.get("/api/v1/workouts/uploads/" + stuck, token).json();
        assertThat(swept.get("status").asString()).isEqualTo("FAILED");
        assertThat(swept.get("error").asString()).isEqualTo("processing failed; try again");
        assertThat(http.get("/api/v1/workouts/uploads/" + recent, token).json().get("status").asString())
                .isEqualTo("PROCESSING");
    }

    @Test
    void anUnexpectedFailureIsRetriedThenDeadLetteredAndTheUploadStaysProcessingForTheSweep() {
        UUID upload = UUID.randomUUID();
        jdbc.sql("""
                insert into upload (id, user_id, file_name, size_bytes, sha256, status, content, created_at, updated_at)
                values (:id, :user, 'tampered.gpx', 3, :sha, 'QUEUED', :content, now(), now())""")
                .param("id", upload).param("user", user).param("sha", "2".repeat(64))
                .param("content", new byte[] {1, 2, 3}).update();
        EventEnvelope work = codec.envelope(EventTypes.WORKOUT_UPLOAD_REQUESTED, 1, dev.stride.contracts.Services.WORKOUT,
                user.toString(), new dev.stride.contracts.payload.WorkoutUploadRequested(upload), Map.of());
        new TestKafka(brokers).send(Topics.WORKOUT_UPLOADS, user.toString(), codec.write(work));

        new TestKafka(brokers).readUntil(Topics.deadLetter(Topics.WORKOUT_UPLOADS),
                rs -> rs.stream().anyMatch(r -> r.value().contains(upload.toString())), Duration.ofSeconds(90));
        assertThat(http.get("/api/v1/workouts/uploads/" + upload, token).json().get("status").asString())
                .isEqualTo("PROCESSING");
    }

    @Test
    void requestsThatAreNotAFileUploadAreRejectedWithA4xx() {
        assertThat(http.post("/api/v1/workouts/uploads", token, Map.of("file", "x")).status()).isEqualTo(415);
        TestHttp.Response noFile = http.send(Uploads.post(http, token).POST(HttpRequest.BodyPublishers.ofString(
                "--" + Uploads.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--"
                        + Uploads.BOUNDARY + "--\r\n")).build());
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(Uploads.upload(http, token, "a.gpx", "<gpx/>".getBytes(StandardCharsets.UTF_8),
                Map.of("sport", "quidditch")).status()).isEqualTo(400);
    }

}
