package dev.stride.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code --seed-demo}: registers demo users through the gateway (HTTPS, trusting the local CA) and
 * creates manual workouts for them. The workout values are the ones stated in
 * {@code ../shared/testdata/workouts/EXPECTED.md} for the named files (source tests' values, not ours).
 */
public final class DemoSeeder {

    /** A manual workout; times in seconds, distance in metres. */
    record DemoWorkout(String sport, String startTime, long elapsedTime, long movingTime, double distance,
            String title) {
    }

    record DemoUser(String email, String password, String displayName, List<DemoWorkout> workouts) {
    }

    /**
     * Values stated in EXPECTED.md (start, duration, distance). Where a source states no moving time
     * the workout has no pause (moving = elapsed); fractional seconds are rounded.
     */
    static List<DemoUser> users() {
        return List.of(
                new DemoUser("ada.runner@demo.stride.local", "ada runs along the river 2026", "Ada Runner", List.of(
                        // tcx/tcxparser_test.tcx: started 2012-12-26T21:29:53Z, completed 22:03:05Z, 4686.31103516 m
                        new DemoWorkout("run", "2012-12-26T21:29:53Z", 1992, 1992, 4686.31103516, "Evening run"),
                        // gpx/dougfales_one_segment.gpx: earliest point 1144433525 (2006-04-07T18:12:05Z),
                        // duration 4466.0 s, distance 6.98803359528853 km (sport not stated)
                        new DemoWorkout("run", "2006-04-07T18:12:05Z", 4466, 4466, 6988.03359528853, "Hill loop"))),
                new DemoUser("kona.triathlete@demo.stride.local", "kona swims bikes and runs 2026", "Kona Triathlete", List.of(
                        // fit/sportslib_20181013_kona_ironman.fit, the three sport legs (start, duration, distance)
                        new DemoWorkout("swim-open-water", "2018-10-13T17:05:01Z", 3689, 3689, 3933.3, "Kona swim leg"),
                        new DemoWorkout("ride", "2018-10-13T18:10:15Z", 17249, 17249, 180301.58, "Kona bike leg"),
                        new DemoWorkout("run", "2018-10-13T22:57:45Z", 13093, 13093, 42563.91, "Kona marathon"))),
                new DemoUser("fritz.cyclist@demo.stride.local", "fritz rides up the hills 2026", "Fritz Cyclist", List.of(
                        // gpx/fittrackee_fixture_gpx_file.gpx: cycling, 2018-03-13T12:44:45Z, 0:04:10, moving 0:04:10,
                        // 0.32 km, title "just a workout"
                        new DemoWorkout("ride", "2018-03-13T12:44:45Z", 250, 250, 320.0, "just a workout"))));
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client;
    private final String gatewayUrl;
    private final PrintStream out;

    public DemoSeeder(HttpClient client, String gatewayUrl, PrintStream out) {
        this.client = client;
        this.gatewayUrl = gatewayUrl;
        this.out = out;
    }

    /** @return the problems met (empty when every user and workout was created or already existed) */
    public List<String> seed() {
        List<String> problems = new ArrayList<>();
        for (DemoUser user : users()) {
            try {
                ObjectNode register = json.createObjectNode().put("email", user.email()).put("password", user.password())
                        .put("displayName", user.displayName()).put("locale", "en").put("timeZone", "Europe/Berlin");
                HttpResponse<String> registered = post("/api/v1/auth/register", register, null);
                if (registered.statusCode() / 100 != 2) {
                    problems.add("register " + user.email() + ": HTTP " + registered.statusCode() + " "
                            + Http.abbreviate(registered.body()));
                    continue;
                }
                ObjectNode login = json.createObjectNode().put("email", user.email()).put("password", user.password());
                HttpResponse<String> loggedIn = post("/api/v1/auth/login", login, null);
                if (loggedIn.statusCode() != 200) {
                    problems.add("login " + user.email() + ": HTTP " + loggedIn.statusCode() + " "
                            + Http.abbreviate(loggedIn.body()));
                    continue;
                }
                String token = json.readTree(loggedIn.body()).path("accessToken").asText("");
                if (token.isEmpty()) {
                    problems.add("login " + user.email() + ": no accessToken in the answer");
                    continue;
                }
                // registration answers alike for new and existing addresses (no enumeration): ask the data
                HttpResponse<String> existing = get("/api/v1/workouts?limit=1", token);
                if (existing.statusCode() == 200 && json.readTree(existing.body()).path("items").size() > 0) {
                    out.println("  demo user " + user.email() + " already has workouts, none added again");
                    continue;
                }
                int created = 0;
                for (DemoWorkout workout : user.workouts()) {
                    ObjectNode body = json.createObjectNode().put("sport", workout.sport())
                            .put("startTime", workout.startTime()).put("elapsedTime", workout.elapsedTime())
                            .put("movingTime", workout.movingTime()).put("distance", workout.distance())
                            .put("title", workout.title());
                    HttpResponse<String> response = post("/api/v1/workouts", body, token);
                    if (response.statusCode() / 100 == 2) {
                        created++;
                    }
                    else {
                        problems.add("workout '" + workout.title() + "' for " + user.email() + ": HTTP "
                                + response.statusCode() + " " + Http.abbreviate(response.body()));
                    }
                }
                out.println("  demo user " + user.email() + " / " + user.password() + ": " + created + " workouts");
            }
            catch (IOException ex) {
                problems.add(user.email() + ": " + ex.getMessage());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                problems.add("interrupted");
                return problems;
            }
        }
        return problems;
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, JsonNode body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
