package dev.stride.workout.upload;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntUnaryOperator;

import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestKafka;
import tools.jackson.databind.JsonNode;

/** Multipart uploads as a mobile app sends them, and real/synthetic files for the tests. */
public final class Uploads {

    /** Surefire runs with the module directory as working directory (as RealDataVerificationTest). */
    static final Path DATA = Path.of("..", "..", "shared", "testdata", "workouts");

    private Uploads() {
    }

    static byte[] shared(String file) {
        try {
            return Files.readAllBytes(DATA.resolve(file));
        } catch (java.io.IOException ex) {
            throw new AssertionError("the shared test file " + DATA.resolve(file).toAbsolutePath().normalize()
                    + " is needed (it lives beside the repository, see DESIGN.md)", ex);
        }
    }

    static final String BOUNDARY = "----stride-test-boundary-7d3f";

    /** {@code filenameHeader} is the whole filename parameter, e.g. {@code filename="a.gpx"}. */
    static byte[] multipart(String filenameHeader, byte[] content, Map<String, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 1024);
        fields.forEach((k, v) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; " + filenameHeader
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static HttpRequest.Builder post(TestHttp http, String token) {
        return http.request("/api/v1/workouts/uploads", token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    public static TestHttp.Response upload(TestHttp http, String token, String fileName, byte[] content,
            Map<String, String> fields) {
        return http.send(post(http, token).POST(HttpRequest.BodyPublishers.ofByteArray(
                multipart("filename=\"" + fileName + "\"", content, fields))).build());
    }

    /** Uploads a GPX file, waits until it is processed, asserts DONE and returns the workout id. */
    public static String workoutOf(TestHttp http, String token, byte[] gpx, Map<String, String> fields) {
        TestHttp.Response accepted = upload(http, token, "run.gpx", gpx, fields);
        if (accepted.status() != 202) {
            throw new AssertionError("upload not accepted: " + accepted.status() + " " + accepted.body());
        }
        JsonNode done = finished(http, token, accepted.json().get("id").asString());
        if (!done.get("status").asString().equals("DONE")) {
            throw new AssertionError("upload not processed: " + done);
        }
        return done.get("workoutId").asString();
    }

    /** Polls the upload until it is DONE or FAILED. */
    public static JsonNode finished(TestHttp http, String token, String uploadId) {
        JsonNode[] last = new JsonNode[1];
        TestKafka.await(() -> {
            last[0] = http.get("/api/v1/workouts/uploads/" + uploadId, token).json();
            String status = last[0].get("status").asString();
            return status.equals("DONE") || status.equals("FAILED");
        }, Duration.ofSeconds(60));
        return last[0];
    }

    /** A straight run due north at {@code speed} m/s, one point a second, {@code metres} long. */
    public static byte[] run(Instant start, double speed, double metres, double startLat, double startLon) {
        return run(start, speed, metres, startLat, startLon, null);
    }

    /**
     * The same run with a heart rate per point (Garmin TrackPointExtension), {@code heartRate}
     * giving the bpm at second s; null for none.
     */
    public static byte[] run(Instant start, double speed, double metres, double startLat, double startLon,
            IntUnaryOperator heartRate) {
        StringBuilder gpx = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<gpx version=\"1.1\" creator=\"stride-test\" xmlns=\"http://www.topografix.com/GPX/1/1\""
                + " xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">"
                + "<trk><type>running</type><trkseg>\n");
        int seconds = (int) Math.ceil(metres / speed);
        double metresPerDegree = 6_371_008.8 * Math.PI / 180;
        for (int s = 0; s <= seconds; s++) {
            double lat = startLat + s * speed / metresPerDegree;
            gpx.append(String.format(Locale.ROOT,
                    "<trkpt lat=\"%.7f\" lon=\"%.7f\"><ele>100</ele><time>%s</time>%s</trkpt>%n", lat, startLon,
                    start.plusSeconds(s), heartRate == null ? "" : "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>"
                            + heartRate.applyAsInt(s) + "</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>"));
        }
        gpx.append("</trkseg></trk></gpx>\n");
        return gpx.toString().getBytes(StandardCharsets.UTF_8);
    }

    static UUID id(JsonNode node, String field) {
        return UUID.fromString(node.get(field).asString());
    }
}
