package dev.stride.workout.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.stride.contracts.Services;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestHttp.Response;
import dev.stride.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Each test uses its own sport and past year so that cohorts hold exactly the users it created,
 * whatever else the shared database contains.
 */
@StrideServiceTest
class ComparisonTest {

    static final AtomicInteger YEARS = new AtomicInteger(2001);

    @LocalServerPort
    int port;

    TestHttp http() {
        return TestHttp.localhost(port);
    }

    /** A Wednesday of a year no other test uses. */
    static LocalDate freshWeek() {
        return LocalDate.of(YEARS.getAndIncrement(), 3, 15).with(java.time.DayOfWeek.WEDNESDAY);
    }

    UUID athlete(String sport, LocalDate day, double distance, double movingTime) {
        UUID user = UUID.randomUUID();
        record(user, sport, day, distance, movingTime);
        return user;
    }

    void record(UUID user, String sport, LocalDate day, Double distance, double movingTime) {
        Map<String, Object> body = new HashMap<>();
        body.put("sport", sport);
        body.put("startTime", day.atTime(7, 0).toInstant(ZoneOffset.UTC).toString());
        body.put("elapsedTime", movingTime + 60);
        body.put("movingTime", movingTime);
        body.put("distance", distance);
        assertThat(http().post("/api/v1/workouts", TestTokens.get().user(user), body).status()).isEqualTo(201);
    }

    JsonNode compare(UUID user, String query) {
        Response response = http().get("/api/v1/athletes/me/comparison?" + query, TestTokens.get().user(user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void percentilesRankTheUserAmongEveryoneActiveInTheSportAndPeriod() {
        LocalDate day = freshWeek();
        List<UUID> users = new ArrayList<>();
        // distance 1..6 km; moving time falls, so pace improves with distance except for the last one
        double[] times = { 600, 1100, 1500, 1800, 2000, 6000 };
        for (int i = 0; i < 6; i++) {
            users.add(athlete("row", day, 1000.0 * (i + 1), times[i]));
        }
        UUID third = users.get(2);
        record(third, "row", day.plusDays(1), 2500.0, 1000); // same week: 5.5 km in 2500 s
        athlete("ride", day, 90000, 9000); // another sport: not in the cohort
        athlete("row", day.minusWeeks(1), 90000, 9000); // another week: not in the cohort

        JsonNode week = compare(third, "sport=row&period=week&date=" + day);

        assertThat(week.get("cohort").get("size").asInt()).isEqualTo(6);
        assertThat(week.get("active").asBoolean()).isTrue();
        assertThat(week.get("periodStart").asString()).isEqualTo(day.with(java.time.DayOfWeek.MONDAY).toString());
        assertThat(week.get("you").get("distance").asDouble()).isEqualTo(5500.0);
        assertThat(week.get("you").get("workouts").asInt()).isEqualTo(2);
        // 5.5 km beats 1..4 km (4 of 5 others); 2500 s beats 600..2000 s (4 of 5)
        assertThat(week.get("percentiles").get("distance").asDouble()).isEqualTo(80.0);
        assertThat(week.get("percentiles").get("movingTime").asDouble()).isEqualTo(80.0);
        // speed 2.2 m/s; others 1.667, 1.818, 2.222, 2.5, 1.0: slower are 3 of 5
        assertThat(week.get("percentiles").get("pace").asDouble()).isEqualTo(60.0);
        assertThat(week.get("you").get("pace").asDouble()).isCloseTo(2500.0 / 5500.0, org.assertj.core.data.Offset
                .offset(1e-12));
        for (UUID other : users) {
            if (!other.equals(third)) {
                assertThat(week.toString()).doesNotContain(other.toString());
            }
        }

        JsonNode first = compare(users.get(0), "sport=row&period=week&date=" + day);
        assertThat(first.get("percentiles").get("distance").asDouble()).isZero();
        JsonNode month = compare(users.get(5), "sport=row&period=month&date=" + day);
        assertThat(month.get("cohort").get("size").asInt()).isEqualTo(7); // the week before is the same month
        assertThat(month.get("percentiles").get("distance").asDouble()).isEqualTo(83.3); // 5 of 6
    }

    @Test
    void aUserWithoutActivityGetsTheCohortButNoPercentiles() {
        LocalDate day = freshWeek();
        for (int i = 0; i < 5; i++) {
            athlete("hike", day, 5000 + i, 3600);
        }
        JsonNode view = compare(UUID.randomUUID(), "sport=hike&period=year&date=" + day);
        assertThat(view.get("active").asBoolean()).isFalse();
        assertThat(view.get("cohort").get("size").asInt()).isEqualTo(5);
        assertThat(view.get("percentiles").isNull()).isTrue();
        assertThat(view.get("periodStart").asString()).isEqualTo(day.withDayOfYear(1).toString());
        assertThat(view.get("periodEnd").asString()).isEqualTo(day.withMonth(12).withDayOfMonth(31).toString());
    }

    @Test
    void cohortFiltersUseTheAttributesAndSmallCohortsAreRefused() {
        LocalDate day = freshWeek();
        int year = day.getYear();
        String service = TestTokens.get().service(Services.SOCIAL, Services.WORKOUT);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID user = athlete("swim-open-water", day, 1000.0 * (i + 1), 1200);
            users.add(user);
            // six are 30-39 in that year, two are 50-59; three are female
            int birthYear = i < 6 ? year - 31 - i % 3 : year - 55;
            String sex = i < 3 ? "female" : "male";
            assertThat(http().put("/internal/v1/athletes/" + user + "/attributes", service,
                    Map.of("birthYear", birthYear, "sex", sex)).status()).isEqualTo(204);
        }

        JsonNode thirties = compare(users.get(5), "sport=swim-open-water&period=week&ageGroup=30-39&date=" + day);
        assertThat(thirties.get("cohort").get("size").asInt()).isEqualTo(6);
        assertThat(thirties.get("cohort").get("ageGroup").asString()).isEqualTo("30-39");
        assertThat(thirties.get("percentiles").get("distance").asDouble()).isEqualTo(100.0);
        JsonNode everyone = compare(users.get(5), "sport=swim-open-water&period=week&date=" + day);
        assertThat(everyone.get("cohort").get("size").asInt()).isEqualTo(8);
        assertThat(everyone.get("percentiles").get("distance").asDouble()).isEqualTo(71.4); // 5 of 7
        JsonNode men = compare(users.get(0), "sport=swim-open-water&period=week&sex=male&date=" + day);
        assertThat(men.get("cohort").get("size").asInt()).isEqualTo(5); // the asking woman is not in it
        assertThat(men.get("percentiles").get("distance").asDouble()).isZero();

        Response women = http().get("/api/v1/athletes/me/comparison?sport=swim-open-water&period=week&sex=female&date="
                + day, TestTokens.get().user(users.get(0)));
        assertThat(women.status()).isEqualTo(409);
        assertThat(women.json().get("reason").asString()).isEqualTo("COHORT_TOO_SMALL");
        assertThat(women.body()).doesNotContain(users.get(1).toString());
        Response fifties = http().get("/api/v1/athletes/me/comparison?sport=swim-open-water&period=week"
                + "&ageGroup=50-59&sex=male&date=" + day, TestTokens.get().user(users.get(0)));
        assertThat(fifties.status()).isEqualTo(409);

        // attributes can be cleared: the user leaves filtered cohorts
        http().put("/internal/v1/athletes/" + users.get(7) + "/attributes", service, Map.of());
        Response fewerMen = http().get("/api/v1/athletes/me/comparison?sport=swim-open-water&period=week&sex=male&date="
                + day, TestTokens.get().user(users.get(5)));
        assertThat(fewerMen.status()).isEqualTo(409);
    }

    @Test
    void attributesEndpointIsForServicesOnlyAndValidatesItsInput() {
        UUID user = UUID.randomUUID();
        String path = "/internal/v1/athletes/" + user + "/attributes";
        String service = TestTokens.get().service(Services.SOCIAL, Services.WORKOUT);

        assertThat(http().put(path, TestTokens.get().user(user), Map.of("birthYear", 1990)).status()).isEqualTo(403);
        assertThat(http().put(path, TestTokens.get().service(Services.SOCIAL, Services.MARKETING),
                Map.of("birthYear", 1990)).status()).isEqualTo(401);
        assertThat(http().put(path, service, Map.of("birthYear", 1800)).status()).isEqualTo(400);
        assertThat(http().put(path, service, Map.of("birthYear", LocalDate.now().getYear() + 1)).status())
                .isEqualTo(400);
        Response sex = http().put(path, service, Map.of("sex", "banana"));
        assertThat(sex.status()).isEqualTo(400);
        assertThat(sex.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(http().put(path, service, Map.of("birthYear", 1990, "sex", "other")).status()).isEqualTo(204);
    }

    @Test
    void badParametersAreProblemDetails() {
        String token = TestTokens.get().user(UUID.randomUUID());
        Map<String, String> bad = Map.of(
                "sport=run&period=fortnight", "period",
                "sport=quidditch&period=week", "sport",
                "period=week", "sport",
                "sport=run", "period",
                "sport=run&period=week&ageGroup=teen", "ageGroup",
                "sport=run&period=week&sex=x", "sex",
                "sport=run&period=week&date=yesterday", "date");
        bad.forEach((query, field) -> {
            Response response = http().get("/api/v1/athletes/me/comparison?" + query, token);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(query).isEqualTo(field);
        });
    }
}
