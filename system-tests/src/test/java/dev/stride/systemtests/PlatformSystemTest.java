package dev.stride.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import dev.stride.deploy.LocalPlatform;
import dev.stride.deploy.PlatformConfig;
import dev.stride.deploy.Ports;
import dev.stride.deploy.StrideService;
import dev.stride.deploy.TlsClients;

/**
 * Starts the whole platform through the launcher (the code behind {@code ./stride up}) on free ports,
 * with its own data folder, database and roles, then tests it from outside: readiness of every
 * service, the gateway over HTTPS with the local CA, and one Kafka round trip
 * (gateway {@code user-registered} → notification-service recipient projection).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformSystemTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalPlatform platform;
    private HttpClient https;

    @BeforeAll
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void startPlatform() throws IOException {
        Path repoRoot = repoRoot();
        Path dataDir = Path.of("target/platform-data").toAbsolutePath();
        deleteRecursively(dataDir);
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        PlatformConfig config = PlatformConfig.defaults(repoRoot).withDataDir(dataDir).withPorts(Ports.free())
                .withDatabase("stride_st_" + suffix, "stride_st_" + suffix, true).withDbUrlVariable("STRIDE_TEST_DB_URL");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        platform = LocalPlatform.start(config, out);
        https = TlsClients.httpClient(platform.tls());
    }

    @AfterAll
    void stopPlatform() {
        if (platform == null) {
            return;
        }
        List<ProcessHandle> started = platform.processHandles();
        platform.stop();
        assertThat(started).as("processes started by the launcher").isNotEmpty();
        assertThat(started.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList())
                .as("processes still alive after stop").isEmpty();
        Ports ports = platform.config().ports();
        assertThat(ports.byComponent().keySet().stream().filter(Ports::listening).toList())
                .as("ports still bound after stop").isEmpty();
    }

    @Test
    void everyServiceIsReady() throws Exception {
        List<StrideService> services = platform.config().services();
        assertThat(services).hasSize(5);
        for (StrideService service : services) {
            HttpResponse<String> response = plain.send(HttpRequest.newBuilder(URI.create(service.readinessUrl()))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(service.name() + " readiness").isEqualTo(200);
            assertThat(json.readTree(response.body()).path("status").asText()).as(service.name()).isEqualTo("UP");
        }
    }

    @Test
    void gatewayAnswersOverHttpsWithTheLocalCaOnly() throws Exception {
        HttpResponse<String> jwks = https.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "/.well-known/jwks.json")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(json.readTree(jwks.body()).path("keys").isArray()).isTrue();
        assertThat(jwks.sslSession()).isPresent();
        X509Certificate peer = (X509Certificate) jwks.sslSession().get().getPeerCertificates()[0];
        assertThat(peer.getIssuerX500Principal().getName()).contains("Stride Local Development CA");

        // the JDK's default trust store does not know the local CA
        try {
            plain.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/.well-known/jwks.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            fail("a client without the local CA must not complete the TLS handshake");
        }
        catch (SSLHandshakeException expected) {
            // expected
        }

        // plain HTTP to the HTTPS port is no way in
        String httpUrl = "http://127.0.0.1:" + platform.config().ports().gateway() + "/.well-known/jwks.json";
        try {
            HttpResponse<String> response = plain.send(HttpRequest.newBuilder(URI.create(httpUrl))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("plain HTTP on the HTTPS port").isEqualTo(400);
            assertThat(response.body()).doesNotContain("\"keys\"");
        }
        catch (IOException expected) {
            // connection closed by the TLS server: expected
        }
    }

    @Test
    void registrationEventReachesNotificationServiceThroughKafka() throws Exception {
        String email = "system-test-" + UUID.randomUUID() + "@example.org";
        String password = "Sys-Test-" + UUID.randomUUID();
        HttpResponse<String> registered = post("/api/v1/auth/register", json.createObjectNode().put("email", email)
                .put("password", password).put("displayName", "System Test").put("locale", "ru")
                .put("timeZone", "Europe/Moscow").toString(), null);
        assertThat(registered.statusCode()).as("register: " + registered.body()).isEqualTo(202);

        HttpResponse<String> login = post("/api/v1/auth/login", json.createObjectNode().put("email", email)
                .put("password", password).toString(), null);
        assertThat(login.statusCode()).as("login: " + login.body()).isEqualTo(200);
        JsonNode tokens = json.readTree(login.body());
        String accessToken = tokens.path("accessToken").asText();
        assertThat(accessToken).isNotBlank();
        assertThat(tokens.path("tokenType").asText()).isEqualToIgnoringCase("Bearer");

        // notification-service answers 404 until it consumed user-registered and built its projection
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        HttpResponse<String> preferences;
        do {
            preferences = https.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                    + "/api/v1/notifications/preferences")).header("Authorization", "Bearer " + accessToken)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (preferences.statusCode() == 200) {
                break;
            }
            assertThat(preferences.statusCode()).as("preferences before the event arrived: " + preferences.body())
                    .isEqualTo(404);
            Thread.sleep(500);
        }
        while (System.nanoTime() < deadline);
        assertThat(preferences.statusCode()).as("preferences after user-registered: " + preferences.body())
                .isEqualTo(200);
        assertThat(json.readTree(preferences.body()).path("locale").asText()).isEqualTo("ru");
        assertThat(preferences.body()).doesNotContain(email);
    }

    /**
     * A user's workout, recorded through the gateway, shows in their social profile: social-service
     * fetches the totals from workout-service's internal API with a client-credentials token that the
     * gateway minted for it (service identity end to end).
     */
    @Test
    void socialProfileShowsWorkoutTotalsFetchedWithAServiceToken() throws Exception {
        String email = "system-test-" + UUID.randomUUID() + "@example.org";
        String password = "Sys-Test-" + UUID.randomUUID();
        post("/api/v1/auth/register", json.createObjectNode().put("email", email).put("password", password)
                .put("displayName", "Runner").put("locale", "en").put("timeZone", "UTC").toString(), null);
        String accessToken = json.readTree(post("/api/v1/auth/login", json.createObjectNode().put("email", email)
                .put("password", password).toString(), null).body()).path("accessToken").asText();
        HttpResponse<String> workout = post("/api/v1/workouts", json.createObjectNode().put("sport", "run")
                .put("startTime", "2026-05-01T06:00:00Z").put("elapsedTime", 1800).put("distance", 5000).toString(),
                accessToken);
        assertThat(workout.statusCode()).as("record workout: " + workout.body()).isEqualTo(201);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode profile = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                    + "/api/v1/social/profiles/me")).header("Authorization", "Bearer " + accessToken)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                profile = json.readTree(response.body());
                break;
            }
            Thread.sleep(500); // the profile is created from user-registered
        }
        assertThat(profile).as("profile created from the registration event").isNotNull();
        assertThat(profile.path("activity").path("workouts").asLong()).isEqualTo(1);
        assertThat(profile.path("activity").path("distance").asDouble()).isEqualTo(5000.0);
    }

    /**
     * A person's first session: register, follow the verification link from the mail (read from
     * GreenMail, sent by notification-service on the gateway's request), log in, call a service,
     * refresh, log out; the rotated and the logged-out refresh tokens are refused afterwards.
     */
    @Test
    void journeyFromRegistrationToLogout() throws Exception {
        String email = "journey-" + UUID.randomUUID() + "@example.org";
        String password = "Journey-" + UUID.randomUUID();
        assertThat(post("/api/v1/auth/register", json.createObjectNode().put("email", email).put("password", password)
                .put("displayName", "Journey <b>").put("locale", "en").put("timeZone", "Europe/Paris").toString(), null)
                .statusCode()).isEqualTo(202);

        String token = verificationToken(email);
        HttpResponse<String> verified = https.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "/api/v1/auth/verify-email?token=" + token)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(verified.statusCode()).as("verify: " + verified.body()).isEqualTo(200);
        HttpResponse<String> again = https.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "/api/v1/auth/verify-email?token=" + token)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).as("a verification link works once").isEqualTo(400);

        JsonNode first = json.readTree(post("/api/v1/auth/login", json.createObjectNode().put("email", email)
                .put("password", password).toString(), null).body());
        HttpResponse<String> workouts = https.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "/api/v1/workouts")).header("Authorization", "Bearer " + first.path("accessToken").asText())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(workouts.statusCode()).as("service call: " + workouts.body()).isEqualTo(200);

        HttpResponse<String> refreshed = post("/api/v1/auth/refresh", json.createObjectNode()
                .put("refreshToken", first.path("refreshToken").asText()).toString(), null);
        assertThat(refreshed.statusCode()).as("refresh: " + refreshed.body()).isEqualTo(200);
        String second = json.readTree(refreshed.body()).path("refreshToken").asText();
        assertThat(post("/api/v1/auth/logout", json.createObjectNode().put("refreshToken", second).toString(), null)
                .statusCode()).isEqualTo(204);

        for (String old : List.of(first.path("refreshToken").asText(), second)) {
            HttpResponse<String> refused = post("/api/v1/auth/refresh",
                    json.createObjectNode().put("refreshToken", old).toString(), null);
            assertThat(refused.statusCode()).as("refresh after logout: " + refused.body()).isEqualTo(401);
        }
    }

    /**
     * Real files from other projects' devices, uploaded through the gateway: the slower run first (it
     * sets the baselines), then a faster one, which beats them. The workout, its streams, the stats and
     * the records read back through the gateway; each beaten record sends a mail in the user's
     * language (Russian here), read from GreenMail.
     */
    @Test
    void uploadedRunsGiveWorkoutStreamsStatsRecordsAndARecordMailInTheUsersLanguage() throws Exception {
        String email = "uploader-" + UUID.randomUUID() + "@example.org";
        String password = "Uploader-" + UUID.randomUUID();
        assertThat(post("/api/v1/auth/register", json.createObjectNode().put("email", email).put("password", password)
                .put("displayName", "Бегун").put("locale", "ru").put("timeZone", daytimeZone()).toString(), null)
                .statusCode()).isEqualTo(202);
        String token = json.readTree(post("/api/v1/auth/login", json.createObjectNode().put("email", email)
                .put("password", password).toString(), null).body()).path("accessToken").asText();
        Path files = repoRoot().resolveSibling("shared").resolve("testdata/workouts");

        String slower = processedWorkout(upload(files.resolve("tcx/sportslib_20160911_run_708752345.tcx"), token),
                token);
        String faster = processedWorkout(upload(files.resolve("gpx/sportslib_20170319_run_906581465.gpx"), token),
                token);

        // EXPECTED.md: sportslib asserts elapsed 1958 s exactly and 1038 samples for this file
        JsonNode workout = json.readTree(get("/api/v1/workouts/" + faster, token).body());
        assertThat(workout.path("sport").asText()).isEqualTo("run");
        assertThat(workout.path("elapsedTime").asDouble()).isEqualTo(1958.0);
        assertThat(workout.path("distance").asDouble()).as("it holds a 2 mile best effort").isGreaterThan(3218.7);

        JsonNode streams = json.readTree(get("/api/v1/workouts/" + faster
                + "/streams?keys=time,distance,heartrate,latlng&resolution=high", token).body());
        assertThat(streams.path("time").path("originalSize").asInt()).isEqualTo(1038);
        JsonNode distances = streams.path("distance").path("data");
        assertThat(distances.get(distances.size() - 1).asDouble()).isCloseTo(workout.path("distance").asDouble(),
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(streams.path("heartrate").path("data").size()).isPositive();
        assertThat(streams.path("latlng").path("data").get(0).size()).isEqualTo(2);

        JsonNode allTime = json.readTree(get("/api/v1/athletes/me/stats?sport=run", token).body())
                .path("bySport").path("run").path("allTime");
        assertThat(allTime.path("count").asInt()).isEqualTo(2);
        JsonNode slowerWorkout = json.readTree(get("/api/v1/workouts/" + slower, token).body());
        assertThat(allTime.path("distance").asDouble()).isCloseTo(
                workout.path("distance").asDouble() + slowerWorkout.path("distance").asDouble(),
                org.assertj.core.data.Offset.offset(0.01));

        JsonNode records = json.readTree(get("/api/v1/athletes/me/records", token).body()).path("records");
        JsonNode oneK = null;
        for (JsonNode record : records) {
            if (record.path("effort").asText().equals("1k")) {
                oneK = record;
            }
        }
        assertThat(oneK).as("1 km record in " + records).isNotNull();
        assertThat(oneK.path("workoutId").asText()).isEqualTo(faster);
        assertThat(oneK.path("history").size()).isEqualTo(2);

        // wait for the 1 km mail itself: the records' mails are sent one by one, in no set order
        List<String> subjects = awaitSubjects(email, "Новый личный рекорд: 1k");
        assertThat(subjects).as("one mail per beaten record, in Russian")
                .contains("Новый личный рекорд: 1k").doesNotHaveDuplicates();
    }

    /** A zone where it is daytime now, so that quiet hours (22:00-08:00 local) do not hold the mail back. */
    private static String daytimeZone() {
        for (String zone : List.of("Europe/Moscow", "Asia/Tokyo", "America/New_York", "America/Los_Angeles",
                "Asia/Kolkata", "Pacific/Auckland")) {
            int hour = java.time.ZonedDateTime.now(java.time.ZoneId.of(zone)).getHour();
            if (hour >= 9 && hour < 20) {
                return zone;
            }
        }
        throw new IllegalStateException("one of the zones is always in daytime");
    }

    private String upload(Path file, String token) throws Exception {
        String boundary = "stride-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> accepted = https.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "/api/v1/workouts/uploads")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as("upload " + file.getFileName() + ": " + accepted.body()).isEqualTo(202);
        return json.readTree(accepted.body()).path("id").asText();
    }

    /** Polls the upload until the asynchronous pipeline (Kafka work topic → analysis) finished it. */
    private String processedWorkout(String uploadId, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode status;
        do {
            status = json.readTree(get("/api/v1/workouts/uploads/" + uploadId, token).body());
            if (status.path("status").asText().equals("DONE")) {
                return status.path("workoutId").asText();
            }
            assertThat(status.path("status").asText()).as("upload " + status).isIn("QUEUED", "PROCESSING");
            Thread.sleep(500);
        }
        while (System.nanoTime() < deadline);
        throw new AssertionError("upload not processed within 120 s: " + status);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return response;
    }

    /** Polls GreenMail's API until a mail to {@code email} with {@code text} in its subject arrived; returns the subjects. */
    private List<String> awaitSubjects(String email, String text) throws Exception {
        return awaitMail(email, "a mail with '" + text + "' in its subject", messages -> {
            List<String> subjects = new java.util.ArrayList<>();
            json.readTree(messages).forEach(message -> subjects.add(message.path("subject").asText()));
            return subjects.stream().anyMatch(subject -> subject.contains(text)) ? subjects : null;
        });
    }

    /** Polls GreenMail's API for the verification mail and takes the token out of its link. */
    private String verificationToken(String email) throws Exception {
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("verify-email\\?token=([A-Za-z0-9_\\-]+)");
        return awaitMail(email, "the verification mail", messages -> {
            // quoted-printable: join soft line breaks and decode "=3D" before looking for the link
            String raw = messages.replace("=\\r\\n", "").replace("=\r\n", "").replace("=3D", "=");
            java.util.regex.Matcher matcher = link.matcher(raw);
            return matcher.find() ? matcher.group(1) : null;
        });
    }

    private interface MailCheck<T> {
        /** @return what was looked for in GreenMail's JSON list of messages, or null to look again */
        T find(String messages) throws Exception;
    }

    private <T> T awaitMail(String email, String what, MailCheck<T> check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> messages = https.send(HttpRequest.newBuilder(URI.create(platform.mailViewerUrl()
                    + "/api/user/" + email + "/messages/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            T found = messages.statusCode() == 200 ? check.find(messages.body()) : null;
            if (found != null) {
                return found;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no " + what + " for " + email + " within 120 s");
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The repository root (holds mvnw and the service modules), found from the module directory;
     * {@code -Dstride.home=DIR} points the test at another checkout.
     */
    static Path repoRoot() {
        String home = System.getProperty("stride.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("gateway-service"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
