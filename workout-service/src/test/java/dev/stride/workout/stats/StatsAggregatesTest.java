package dev.stride.workout.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestHttp.Response;
import dev.stride.kit.test.TestKafka;
import dev.stride.kit.test.TestTokens;
import dev.stride.workout.WorkoutEditTest;
import dev.stride.workout.workouts.Sport;
import dev.stride.workout.workouts.WorkoutChanged;
import dev.stride.workout.workouts.WorkoutChanged.Facts;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records, edits (merge patches) and deletes random workouts (two threads, one user) and compares
 * every aggregate (the stored hourly buckets, the period totals, gear totals and every figure of
 * the stats API in two time zones) with a recount from the workout table.
 */
@StrideServiceTest
class StatsAggregatesTest {

    static final JsonMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    static final List<String> SPORTS = List.of("run", "ride", "swim-pool", "strength");

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    final AtomicInteger edits = new AtomicInteger();

    @Test
    void randomConcurrentChangesKeepEveryAggregateEqualToARecount() throws Exception {
        TestHttp http = TestHttp.localhost(port);
        UUID user = UUID.randomUUID();
        String token = TestTokens.get().user(user);
        String defaultShoes = http.post("/api/v1/gear", token,
                Map.of("type", "shoes", "name", "Daily", "defaultFor", List.of("run"))).json().get("id").asString();
        String bike = http.post("/api/v1/gear", token, Map.of("type", "bike", "name", "Road")).json().get("id")
                .asString();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            long seed = 42L + t;
            threads.add(pool.submit(() -> churn(http, token, new Random(seed), bike)));
        }
        int recorded = 0;
        for (Future<Integer> thread : threads) {
            recorded += thread.get();
        }
        pool.shutdown();
        assertThat(recorded).isGreaterThan(40);
        assertThat(edits.get()).isGreaterThan(10);

        assertThat(storedBuckets(user)).isEqualTo(recountedBuckets(user)).isNotEmpty();
        // both threads really shared rows: some hourly buckets hold several workouts
        assertThat(storedBuckets(user).values()).anyMatch(bucket -> !bucket.startsWith("1|"));
        assertThat(storedPeriods(user)).isEqualTo(recountedPeriods(user)).isNotEmpty();
        assertThat(gearTotals(defaultShoes)).isEqualTo(gearRecount(defaultShoes));
        assertThat(gearTotals(bike)).isEqualTo(gearRecount(bike));
        assertThat(gearRecount(defaultShoes).get(0)).isNotEqualTo("0");
        assertThat(gearRecount(bike).get(0)).isNotEqualTo("0");

        List<Row> rows = workouts(user);
        for (String zone : List.of("UTC", "America/Los_Angeles", "Australia/Sydney")) {
            JsonNode stats = EXACT.readTree(http.get("/api/v1/athletes/me/stats?timeZone=" + zone, token).body());
            LocalDate today = LocalDate.parse(stats.get("today").asString());
            assertThat(today).isEqualTo(LocalDate.now(ZoneId.of(zone)));
            assertMatches(stats.get("overall"), rows, ZoneId.of(zone), today, zone + " overall");
            for (String sport : SPORTS) {
                List<Row> ofSport = rows.stream().filter(r -> r.sport().equals(sport)).toList();
                if (!ofSport.isEmpty()) {
                    assertMatches(stats.get("bySport").get(sport), ofSport, ZoneId.of(zone), today, zone + " " + sport);
                }
            }
            JsonNode oneSport = EXACT.readTree(
                    http.get("/api/v1/athletes/me/stats?sport=ride&timeZone=" + zone, token).body());
            assertThat(oneSport.get("bySport").propertyNames()).containsExactly("ride");
            assertMatches(oneSport.get("overall"), rows.stream().filter(r -> r.sport().equals("ride")).toList(),
                    ZoneId.of(zone), today, zone + " only ride");
        }
    }

    /** Creates, edits and deletes workouts; returns how many it created. */
    private int churn(TestHttp http, String token, Random random, String bike) {
        List<String> mine = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < 60; i++) {
            if (!mine.isEmpty() && random.nextInt(5) == 0) {
                String id = mine.remove(random.nextInt(mine.size()));
                assertThat(http.delete("/api/v1/workouts/" + id, token).status()).isEqualTo(204);
                continue;
            }
            if (!mine.isEmpty() && random.nextInt(4) == 0) {
                Map<String, Object> edit = randomWorkout(random, bike, true);
                Response edited = WorkoutEditTest.patch(http, token, mine.get(random.nextInt(mine.size())),
                        EXACT.writeValueAsString(edit));
                assertThat(edited.status()).as(edited.body()).isEqualTo(200);
                edits.incrementAndGet();
                continue;
            }
            Response response = http.post("/api/v1/workouts", token, randomWorkout(random, bike, false));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            mine.add(response.json().get("id").asString());
            created++;
        }
        return created;
    }

    /**
     * A random manual workout, or (as an edit) a random merge patch of one: each member present
     * or not, measurements sometimes cleared with null, the gear moved to the bike, cleared, or kept.
     */
    private static Map<String, Object> randomWorkout(Random random, String bike, boolean patch) {
        Map<String, Object> body = new HashMap<>();
        String sport = SPORTS.get(random.nextInt(SPORTS.size()));
        body.put("sport", sport);
        body.put("startTime", randomStart(random).toString());
        double elapsed = 600 + random.nextDouble() * 7200;
        body.put("elapsedTime", elapsed);
        if (random.nextBoolean()) {
            body.put("movingTime", elapsed * random.nextDouble());
        }
        if (!sport.equals("strength") || random.nextBoolean()) {
            body.put("distance", random.nextDouble() * 40000);
        }
        if (random.nextBoolean()) {
            body.put("elevationGain", random.nextDouble() * 900);
        }
        if (sport.equals("ride") && random.nextBoolean()) {
            body.put("gearId", bike);
        }
        if (!patch) {
            return body;
        }
        Map<String, Object> edit = new HashMap<>();
        for (String member : List.of("sport", "startTime", "elapsedTime", "movingTime", "distance",
                "elevationGain", "gearId")) {
            int choice = random.nextInt(3);
            boolean clearable = !member.equals("sport") && !member.equals("startTime")
                    && !member.equals("elapsedTime");
            if (choice == 0 && body.containsKey(member)) {
                edit.put(member, body.get(member));
            } else if (choice == 1 && clearable) {
                edit.put(member, null);
            }
        }
        if (random.nextInt(3) == 0) {
            edit.put("title", "edited");
        }
        return edit;
    }

    /**
     * A tenth of the workouts up to 800 days back, four tenths in the last 70 days, half of them in
     * two hours of the last 6 days, so that both threads often update the same rows.
     */
    private static Instant randomStart(Random random) {
        Instant now = Instant.now();
        int kind = random.nextInt(10);
        if (kind == 0) {
            return now.minusSeconds(60 + random.nextLong(800L * 86400));
        }
        if (kind < 5) {
            return now.minusSeconds(60 + random.nextLong(70L * 86400));
        }
        Instant start = LocalDate.now(ZoneOffset.UTC).minusDays(1 + random.nextInt(6))
                .atTime(random.nextBoolean() ? 6 : 18, random.nextInt(60)).toInstant(ZoneOffset.UTC);
        return start;
    }

    private static String n(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private Map<String, String> storedBuckets(UUID user) {
        Map<String, String> buckets = new TreeMap<>();
        jdbc.query("""
                select sport, day, h.i - 1 as hour, h.w, h.d, h.m, h.e, h.g from stats_day,
                  unnest(workouts, distance, moving_time, elapsed_time, elevation_gain) with ordinality as h(w, d, m, e, g, i)
                where user_id = ? and (h.w <> 0 or h.d <> 0 or h.m <> 0 or h.e <> 0 or h.g <> 0)""", rs -> {
            buckets.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3), rs.getInt(4) + "|"
                    + n(rs.getBigDecimal(5)) + "|" + n(rs.getBigDecimal(6)) + "|" + n(rs.getBigDecimal(7)) + "|"
                    + n(rs.getBigDecimal(8)));
        }, user);
        return buckets;
    }

    private Map<String, String> recountedBuckets(UUID user) {
        Map<String, String> buckets = new TreeMap<>();
        jdbc.query("""
                select sport, (start_time at time zone 'UTC')::date, extract(hour from start_time at time zone 'UTC')::int,
                       count(*), coalesce(sum(distance::numeric), 0), coalesce(sum(moving_time::numeric), 0),
                       coalesce(sum(elapsed_time::numeric), 0), coalesce(sum(elevation_gain::numeric), 0)
                from workout where user_id = ? group by 1, 2, 3""", rs -> {
            buckets.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3), rs.getInt(4) + "|"
                    + n(rs.getBigDecimal(5)) + "|" + n(rs.getBigDecimal(6)) + "|" + n(rs.getBigDecimal(7)) + "|"
                    + n(rs.getBigDecimal(8)));
        }, user);
        return buckets;
    }

    private Map<String, String> storedPeriods(UUID user) {
        Map<String, String> periods = new TreeMap<>();
        jdbc.query("select sport, period, period_start, workouts, distance, moving_time from period_total "
                + "where user_id = ?", rs -> {
                    periods.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                            rs.getInt(4) + "|" + n(rs.getBigDecimal(5)) + "|" + n(rs.getBigDecimal(6)));
                }, user);
        return periods;
    }

    private Map<String, String> recountedPeriods(UUID user) {
        Map<String, String> periods = new TreeMap<>();
        for (String[] kind : new String[][] { { "W", "week" }, { "M", "month" }, { "Y", "year" } }) {
            jdbc.query("select sport, date_trunc('" + kind[1] + "', start_time at time zone 'UTC')::date, count(*), "
                    + "coalesce(sum(distance::numeric), 0), coalesce(sum(moving_time::numeric), 0) "
                    + "from workout where user_id = ? group by 1, 2", rs -> {
                        periods.put(rs.getString(1) + "|" + kind[0] + "|" + rs.getString(2),
                                rs.getInt(3) + "|" + n(rs.getBigDecimal(4)) + "|" + n(rs.getBigDecimal(5)));
                    }, user);
        }
        return periods;
    }

    private List<String> gearTotals(String gear) {
        return jdbc.queryForObject("select distance, moving_time, workouts from gear where id = ?::uuid",
                (rs, i) -> List.of(n(rs.getBigDecimal(1)), n(rs.getBigDecimal(2)), String.valueOf(rs.getLong(3))),
                gear);
    }

    private List<String> gearRecount(String gear) {
        return jdbc.queryForObject("select coalesce(sum(distance::numeric), 0), coalesce(sum(moving_time::numeric), 0),"
                + " count(*) from workout where gear_id = ?::uuid",
                (rs, i) -> List.of(n(rs.getBigDecimal(1)), n(rs.getBigDecimal(2)), String.valueOf(rs.getLong(3))),
                gear);
    }

    record Row(String sport, Instant start, BigDecimal distance, BigDecimal movingTime, BigDecimal elapsedTime,
            BigDecimal elevationGain) {

        BigDecimal[] measures() {
            return new BigDecimal[] { distance, movingTime, elapsedTime, elevationGain };
        }
    }

    private List<Row> workouts(UUID user) {
        return jdbc.query("select sport, start_time, coalesce(distance::numeric, 0), coalesce(moving_time::numeric, 0), "
                + "coalesce(elapsed_time::numeric, 0), coalesce(elevation_gain::numeric, 0) from workout "
                + "where user_id = ?", (rs, i) -> new Row(
                        dev.stride.workout.workouts.Sport.valueOf(rs.getString(1)).wireName(),
                        rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6)), user);
    }

    /** Expected totals of the rows whose local start date lies in [from, to]. */
    private static String expected(List<Row> rows, ZoneId zone, LocalDate from, LocalDate to) {
        long count = 0;
        BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
        for (Row row : rows) {
            LocalDate local = LocalDate.ofInstant(row.start(), zone);
            if (!local.isBefore(from) && !local.isAfter(to)) {
                count++;
                for (int i = 0; i < 4; i++) {
                    sums[i] = sums[i].add(row.measures()[i]);
                }
            }
        }
        return count + "|" + n(sums[0]) + "|" + n(sums[1]) + "|" + n(sums[2]) + "|" + n(sums[3]);
    }

    private static String actual(JsonNode totals) {
        return totals.get("count").asLong() + "|" + n(totals.get("distance").decimalValue()) + "|"
                + n(totals.get("movingTime").decimalValue()) + "|" + n(totals.get("elapsedTime").decimalValue()) + "|"
                + n(totals.get("elevationGain").decimalValue());
    }

    private static void assertMatches(JsonNode stats, List<Row> rows, ZoneId zone, LocalDate today, String what) {
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(stats.get("weeks")).hasSize(12);
        for (int i = 0; i < 12; i++) {
            JsonNode period = stats.get("weeks").get(i);
            LocalDate start = week.minusWeeks(i);
            assertThat(period.get("start").asString()).isEqualTo(start.toString());
            assertThat(actual(period.get("totals"))).as(what + " week " + start)
                    .isEqualTo(expected(rows, zone, start, start.plusDays(6)));
        }
        assertThat(stats.get("months")).hasSize(12);
        for (int i = 0; i < 12; i++) {
            YearMonth month = YearMonth.from(today).minusMonths(i);
            JsonNode period = stats.get("months").get(i);
            assertThat(period.get("start").asString()).isEqualTo(month.atDay(1).toString());
            assertThat(actual(period.get("totals"))).as(what + " month " + month)
                    .isEqualTo(expected(rows, zone, month.atDay(1), month.atEndOfMonth()));
        }
        int firstYear = rows.stream().mapToInt(r -> LocalDate.ofInstant(r.start(), zone).getYear()).min()
                .orElse(today.getYear());
        assertThat(stats.get("years")).hasSize(today.getYear() - firstYear + 1);
        for (JsonNode period : stats.get("years")) {
            int year = LocalDate.parse(period.get("start").asString()).getYear();
            assertThat(actual(period.get("totals"))).as(what + " year " + year)
                    .isEqualTo(expected(rows, zone, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        }
        assertThat(actual(stats.get("allTime"))).as(what + " all time")
                .isEqualTo(expected(rows, zone, LocalDate.MIN, LocalDate.MAX));
        JsonNode change = stats.get("thisVsPrevious");
        assertThat(actual(change.get("week").get("previous").get("totals")))
                .isEqualTo(expected(rows, zone, week.minusWeeks(1), week.minusDays(1)));
        assertThat(actual(change.get("month").get("current").get("totals"))).isEqualTo(
                expected(rows, zone, today.withDayOfMonth(1), YearMonth.from(today).atEndOfMonth()));
        assertThat(actual(change.get("year").get("previous").get("totals"))).isEqualTo(expected(rows, zone,
                LocalDate.of(today.getYear() - 1, 1, 1), LocalDate.of(today.getYear() - 1, 12, 31)));

        Set<LocalDate> active = new TreeSet<>();
        rows.forEach(r -> active.add(LocalDate.ofInstant(r.start(), zone)));
        int longest = 0;
        for (LocalDate day : active) {
            int run = 0;
            while (active.contains(day.minusDays(run))) {
                run++;
            }
            longest = Math.max(longest, run);
        }
        LocalDate from = active.contains(today) ? today : today.minusDays(1);
        int current = 0;
        while (active.contains(from.minusDays(current))) {
            current++;
        }
        assertThat(stats.get("streaks").get("longest").asInt()).as(what + " longest streak").isEqualTo(longest);
        assertThat(stats.get("streaks").get("current").asInt()).as(what + " current streak").isEqualTo(current);
    }

    /**
     * Edits are not exposed by the API yet; this applies one the way the edit endpoint will: the
     * workout row changes and {@code WorkoutChanged(before, after)} is published in one transaction.
     */
    @Test
    void anEditSubtractsTheWorkoutAsItWasAndAddsItAsItIs() {
        TestHttp http = TestHttp.localhost(port);
        UUID user = UUID.randomUUID();
        String token = TestTokens.get().user(user);
        UUID shoes = UUID.fromString(http.post("/api/v1/gear", token,
                Map.of("type", "shoes", "name", "A", "defaultFor", List.of("run"))).json().get("id").asString());
        UUID bike = UUID.fromString(http.post("/api/v1/gear", token, Map.of("type", "bike", "name", "B")).json()
                .get("id").asString());
        Instant before = LocalDate.now(ZoneOffset.UTC).minusDays(40).atTime(7, 0).toInstant(ZoneOffset.UTC);
        Instant after = LocalDate.now(ZoneOffset.UTC).minusDays(3).atTime(19, 0).toInstant(ZoneOffset.UTC);
        UUID id = UUID.fromString(http.post("/api/v1/workouts", token, Map.of("sport", "run", "startTime",
                before.toString(), "elapsedTime", 3600, "distance", 10000)).json().get("id").asString());
        http.post("/api/v1/workouts", token, Map.of("sport", "run", "startTime", before.plusSeconds(600).toString(),
                "elapsedTime", 1200, "distance", 3000));
        Facts was = new Facts(id, user, Sport.RUN, before, 3600.0, 3600.0, 10000.0, null, shoes);
        Facts is = new Facts(id, user, Sport.RIDE, after, 5400.0, 5000.0, 40000.25, 350.5, bike);

        transactions.executeWithoutResult(status -> {
            jdbc.update("update workout set sport = 'RIDE', start_time = ?, elapsed_time = 5400, moving_time = 5000, "
                    + "distance = 40000.25, elevation_gain = 350.5, gear_id = ? where id = ?",
                    java.sql.Timestamp.from(after), bike, id);
            events.publishEvent(new WorkoutChanged(was, is));
        });

        assertThat(storedBuckets(user)).isEqualTo(recountedBuckets(user)).hasSize(2);
        assertThat(storedPeriods(user)).isEqualTo(recountedPeriods(user));
        assertThat(gearTotals(shoes.toString())).containsExactly("3000", "1200", "1");
        assertThat(gearTotals(bike.toString())).containsExactly("40000.25", "5000", "1");
        JsonNode stats = http.get("/api/v1/athletes/me/stats", token).json();
        assertThat(stats.get("bySport").get("ride").get("allTime").get("distance").asDouble()).isEqualTo(40000.25);
        assertThat(stats.get("bySport").get("run").get("allTime").get("count").asInt()).isEqualTo(1);

        // derived data is only ever changed inside the transaction that changes the workout
        assertThatThrownBy(() -> events.publishEvent(new WorkoutChanged(null, is)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void weeksFollowTheRequestedTimeZone() {
        TestHttp http = TestHttp.localhost(port);
        UUID user = UUID.randomUUID();
        String token = TestTokens.get().user(user);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 00:30 on the Monday three weeks ago in Berlin: still Sunday in UTC
        LocalDate monday = LocalDate.now(berlin).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(3);
        Instant start = monday.atTime(0, 30).atZone(berlin).toInstant();
        assertThat(LocalDate.ofInstant(start, ZoneOffset.UTC)).isEqualTo(monday.minusDays(1));
        http.post("/api/v1/workouts", token, Map.of("sport", "walk", "startTime", start.toString(), "elapsedTime",
                1800, "distance", 3000));
        http.post("/api/v1/workouts", token, Map.of("sport", "walk", "startTime",
                start.plus(1, ChronoUnit.DAYS).toString(), "elapsedTime", 1800, "distance", 2000));

        JsonNode local = http.get("/api/v1/athletes/me/stats?sport=walk&timeZone=Europe/Berlin", token).json()
                .get("overall");
        JsonNode utc = http.get("/api/v1/athletes/me/stats?sport=walk", token).json().get("overall");

        // both workouts in Berlin's week three weeks ago, on consecutive days
        assertThat(local.get("weeks").get(3).get("totals").get("count").asInt()).isEqualTo(2);
        assertThat(local.get("weeks").get(3).get("totals").get("distance").asDouble()).isEqualTo(5000.0);
        assertThat(local.get("weeks").get(4).get("totals").get("count").asInt()).isZero();
        assertThat(local.get("streaks").get("longest").asInt()).isEqualTo(2);
        // in UTC the first one falls on the Sunday before
        int utcWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .equals(LocalDate.now(berlin).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))) ? 3 : 2;
        assertThat(utc.get("weeks").get(utcWeek + 1).get("totals").get("distance").asDouble()).isEqualTo(3000.0);
        assertThat(utc.get("weeks").get(utcWeek).get("totals").get("distance").asDouble()).isEqualTo(2000.0);
        assertThat(utc.get("allTime").get("count").asInt()).isEqualTo(2);
        assertThat(utc.get("streaks").get("current").asInt()).isZero();
    }

    @Test
    void emptyHistoryHasZeroTotalsAndNoStreak() {
        TestHttp http = TestHttp.localhost(port);
        JsonNode stats = http.get("/api/v1/athletes/me/stats?sport=row", TestTokens.get().user(UUID.randomUUID()))
                .json();
        assertThat(stats.get("overall").get("allTime").get("count").asInt()).isZero();
        assertThat(stats.get("overall").get("streaks").get("current").asInt()).isZero();
        assertThat(stats.get("overall").get("streaks").get("lastActiveDay").isNull()).isTrue();
        assertThat(stats.get("overall").get("years")).hasSize(1);
        assertThat(stats.get("bySport").get("row").get("weeks")).hasSize(12);
    }

    @Test
    void badParametersAreProblemDetails() {
        TestHttp http = TestHttp.localhost(port);
        String token = TestTokens.get().user(UUID.randomUUID());

        Response sport = http.get("/api/v1/athletes/me/stats?sport=quidditch", token);
        Response zone = http.get("/api/v1/athletes/me/stats?timeZone=Mars/Olympus_Mons", token);
        Response anonymous = http.get("/api/v1/athletes/me/stats", null);

        assertThat(sport.status()).isEqualTo(400);
        assertThat(sport.header("Content-Type")).startsWith("application/problem+json");
        assertThat(sport.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(sport.json().get("detail").asString()).contains("quidditch");
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().get("errors").get(0).get("field").asString()).isEqualTo("timeZone");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void userDeletedErasesTheUsersAggregatesAndNobodyElses() {
        TestHttp http = TestHttp.localhost(port);
        UUID leaving = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        Map<String, Object> run = Map.of("sport", "run", "startTime", Instant.now().minusSeconds(3600).toString(),
                "elapsedTime", 1800, "distance", 5000);
        http.post("/api/v1/gear", TestTokens.get().user(leaving),
                Map.of("type", "shoes", "name", "Old", "defaultFor", List.of("run")));
        http.post("/api/v1/workouts", TestTokens.get().user(leaving), run);
        http.post("/api/v1/workouts", TestTokens.get().user(staying), run);
        assertThat(count("stats_day", leaving)).isEqualTo(1);
        assertThat(count("period_total", leaving)).isEqualTo(3);
        assertThat(count("gear", leaving)).isEqualTo(1);

        EventCodec codec = new EventCodec();
        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, leaving.toString(), codec.write(codec.envelope(
                EventTypes.USER_DELETED, 1, Services.GATEWAY, leaving.toString(), new UserDeleted(leaving), Map.of())));

        TestKafka.await(() -> count("stats_day", leaving) == 0 && count("period_total", leaving) == 0
                && count("gear", leaving) == 0, Duration.ofSeconds(30));
        assertThat(count("stats_day", staying)).isEqualTo(1);
        assertThat(count("period_total", staying)).isEqualTo(3);
        assertThat(storedBuckets(staying)).isEqualTo(recountedBuckets(staying));
        assertThat(http.get("/api/v1/athletes/me/stats", TestTokens.get().user(leaving)).json().get("overall")
                .get("allTime").get("count").asInt()).isZero();
    }

    private int count(String table, UUID user) {
        Integer count = jdbc.queryForObject("select count(*) from " + table + " where user_id = ?", Integer.class,
                user);
        return count == null ? 0 : count;
    }
}
