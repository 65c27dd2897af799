package dev.stride.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.contracts.payload.WorkoutDeleted;
import dev.stride.contracts.payload.WorkoutRecorded;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestKafka;
import dev.stride.notification.NotificationTestBase;
import dev.stride.notification.message.DeliveryWorker;
import dev.stride.notification.message.MessageStore;

/**
 * The weekly digest end to end: workout events through the real broker, the job run at chosen
 * instants (the week of Monday 2 March 2026, decided on Monday 9 March), mail read from GreenMail.
 */
@StrideServiceTest
class WeeklyDigestTest extends NotificationTestBase {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final String WEEK = "2026-W10";

    @Autowired
    private DigestScheduler scheduler;
    @Autowired
    private DigestStore store;
    @Autowired
    private MessageStore messages;
    @Autowired
    private DigestFormat format;
    @Autowired
    private DeliveryWorker worker;
    @Autowired
    private DigestProperties properties;
    @Autowired
    private PlatformTransactionManager transactions;

    private UUID optedIn(String address, String locale, String zone) {
        UUID user = register(address, locale, zone);
        setPreferences(user, Map.of("digest", true));
        return user;
    }

    /** A workout starting on {@code day} at noon in {@code zone}. */
    private UUID workout(UUID user, String type, UUID id, String zone, LocalDate day, String sport, double meters,
            double seconds, double elevation, Instant occurredAt) {
        Instant start = day.atTime(12, 0).atZone(ZoneId.of(zone)).toInstant();
        send(user, type, new WorkoutRecorded(id, user, sport, start, seconds + 60, seconds, meters, elevation, "private"),
                occurredAt);
        return id;
    }

    private void send(UUID user, String type, Object payload, Instant occurredAt) {
        EventEnvelope envelope = codec.envelope(type, 1, Services.WORKOUT, user.toString(), payload, null);
        new TestKafka(brokers).send(Topics.WORKOUT_EVENTS, user.toString(), codec.write(new EventEnvelope(
                envelope.eventId(), type, 1, occurredAt, Services.WORKOUT, user.toString(), envelope.payload(), null)));
    }

    private int counted(UUID user) {
        return jdbc.sql("select count(*) from digest_workout where user_id = :id and not deleted").param("id", user)
                .query(Integer.class).single();
    }

    private int tombstones(UUID user) {
        return jdbc.sql("select count(*) from digest_workout where user_id = :id and deleted").param("id", user)
                .query(Integer.class).single();
    }

    private Integer decidedWorkouts(UUID user) {
        return jdbc.sql("select workouts from digest_week where user_id = :id and iso_week = :week").param("id", user)
                .param("week", WEEK).query(Integer.class).optional().orElse(null);
    }

    private int digestMessages(UUID user) {
        return jdbc.sql("select count(*) from message where idempotency_key like :key")
                .param("key", "digest:" + user + ":%").query(Integer.class).single();
    }

    private static Instant mondayAfter(String zone, int hour, int minute) {
        return MONDAY.plusWeeks(1).atTime(hour, minute).atZone(ZoneId.of(zone)).toInstant();
    }

    private static String text(MimeMessage mail) throws Exception {
        return (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
    }

    @Test
    void twoSchedulersRacingOnTheSameWeekSendOneDigest() throws Exception {
        String zone = dayZone();
        String address = email();
        UUID user = optedIn(address, "en", zone);
        Instant at = Instant.now();
        workout(user, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY, "run", 10_000, 3000, 50, at);
        workout(user, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY.plusDays(6), "ride", 30_000, 3600,
                200, at);
        // the Sunday before and the Monday after belong to other weeks
        workout(user, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY.minusDays(1), "run", 5000, 1500, 0, at);
        workout(user, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY.plusWeeks(1), "run", 5000, 1500, 0, at);
        await(() -> counted(user) == 4, "four workouts projected");
        // a second instance: its own scheduler over the same database
        DigestScheduler other = new DigestScheduler(store, messages, format, worker, properties, transactions);
        Instant now = mondayAfter(zone, 9, 0);
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> race(start, scheduler, now));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> race(start, other, now));

        assertThat(first.get() + second.get()).isEqualTo(1);
        assertThat(scheduler.runOnce(now.plusSeconds(600))).isZero();
        MimeMessage mail = awaitMails(address, 1).get(0);
        awaitStatus("digest:" + user + ":" + WEEK, "SENT");
        assertThat(mail().messagesTo(address)).hasSize(1);
        assertThat(digestMessages(user)).isEqualTo(1);
        assertThat(mail.getSubject()).isEqualTo("Мария, your week in Stride");
        assertThat(mail.getHeader("List-Unsubscribe")).isNotNull();
        assertThat(text(mail)).contains("Your week in numbers: 2 March – 8 March 2026")
                .contains("Workouts: 2. Distance: 40.0 km. Moving time: 1 h 50 min. Elevation gain: 250 m.")
                .contains("By sport: Ride: 1, 30.0 km; Run: 1, 10.0 km.");
    }

    private static int race(CyclicBarrier start, DigestScheduler scheduler, Instant now) {
        try {
            start.await();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return scheduler.runOnce(now);
    }

    @Test
    void onlyOptedInUsersWithWorkoutsGetADigestAndNotBeforeMondayMorning() {
        String zone = dayZone();
        String notOptedIn = email();
        String idle = email();
        String active = email();
        UUID silent = register(notOptedIn, "en", zone);
        UUID rested = optedIn(idle, "en", zone);
        UUID runner = optedIn(active, "en", zone);
        Instant at = Instant.now();
        workout(silent, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY, "run", 8000, 2400, 10, at);
        workout(runner, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY, "run", 8000, 2400, 10, at);
        await(() -> counted(silent) == 1 && counted(runner) == 1, "workouts projected");

        scheduler.runOnce(mondayAfter(zone, 7, 59));
        assertThat(decidedWorkouts(runner)).as("not due before 08:00 local").isNull();

        scheduler.runOnce(mondayAfter(zone, 8, 0));

        awaitMails(active, 1);
        assertThat(decidedWorkouts(runner)).isEqualTo(1);
        assertThat(decidedWorkouts(rested)).as("decided, no workouts, no mail").isZero();
        assertThat(decidedWorkouts(silent)).as("never looked at").isNull();
        assertThat(digestMessages(rested)).isZero();
        assertThat(digestMessages(silent)).isZero();
        assertThat(mail().messagesTo(idle)).isEmpty();
        assertThat(mail().messagesTo(notOptedIn)).isEmpty();
    }

    @Test
    void editsAndDeletionsAreReflectedExactlyInRussian() throws Exception {
        String zone = dayZone();
        String address = email();
        UUID user = optedIn(address, "ru", zone);
        Instant at = Instant.now();
        UUID edited = workout(user, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY, "run", 5000, 1800, 20,
                at);
        workout(user, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY.plusDays(2), "ride", 20_000,
                2700, 150, at);
        UUID removed = workout(user, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY.plusDays(3), "walk",
                3000, 2000, 5, at);
        workout(user, EventTypes.WORKOUT_UPDATED, edited, zone, MONDAY, "run", 8000, 2700, 30, at.plusSeconds(1));
        send(user, EventTypes.WORKOUT_DELETED, new WorkoutDeleted(removed, user), at.plusSeconds(2));
        // late redelivery of older versions: neither the first run nor the deleted walk come back
        workout(user, EventTypes.WORKOUT_RECORDED, edited, zone, MONDAY, "run", 5000, 1800, 20, at.minusSeconds(5));
        workout(user, EventTypes.WORKOUT_RECORDED, removed, zone, MONDAY.plusDays(3), "walk", 3000, 2000, 5,
                at.plusSeconds(1));
        // one user's events keep their order (one partition): once this one is in, all before it were handled
        UUID marker = workout(user, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY.minusWeeks(2), "row",
                1000, 300, 0, at.plusSeconds(3));
        await(() -> jdbc.sql("select count(*) from digest_workout where workout_id = :id").param("id", marker)
                .query(Integer.class).single() == 1, "marker projected");
        assertThat(counted(user)).isEqualTo(3);
        assertThat(tombstones(user)).isEqualTo(1);
        assertThat(distanceOf(user)).isEqualTo(8000 + 20_000 + 1000);

        scheduler.runOnce(mondayAfter(zone, 12, 0));

        MimeMessage mail = awaitMails(address, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Мария, ваша неделя в Stride");
        assertThat(text(mail)).contains("Ваша неделя в цифрах: 2 марта – 8 марта 2026")
                .contains("Тренировок: 2. Дистанция: 28,0 км. Время в движении: 1 ч 30 мин. Набор высоты: 180 м.")
                .contains("По видам спорта: Велосипед: 1, 20,0 км; Бег: 1, 8,0 км.");
    }

    private double distanceOf(UUID user) {
        return jdbc.sql("select coalesce(sum(distance_m), 0) from digest_workout where user_id = :id and not deleted")
                .param("id", user).query(Double.class).single();
    }

    @Test
    void theDigestsOneClickUnsubscribeStopsTheNextDigestButNotProductMail() throws Exception {
        String zone = dayZone();
        String address = email();
        UUID user = optedIn(address, "en", zone);
        Instant at = Instant.now();
        workout(user, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY, "hike", 12_000, 14_400, 600, at);
        // a workout in the following week, whose digest must not come any more
        workout(user, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY.plusWeeks(1), "hike",
                9000, 10_800, 400, at);
        await(() -> counted(user) == 2, "workouts projected");
        scheduler.runOnce(mondayAfter(zone, 9, 0));
        String link = awaitMails(address, 1).get(0).getHeader("List-Unsubscribe")[0];

        var answer = new TestHttp("http://127.0.0.1:" + port).post(
                "/api/v1/notifications/unsubscribe" + link.substring(link.indexOf('?'), link.length() - 1), null, "{}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        scheduler.runOnce(MONDAY.plusWeeks(2).atTime(9, 0).atZone(ZoneId.of(zone)).toInstant());

        assertThat(jdbc.sql("select count(*) from digest_week where user_id = :id").param("id", user)
                .query(Integer.class).single()).as("only the first week was decided").isEqualTo(1);
        assertThat(digestMessages(user)).isEqualTo(1);
        var settings = http().get("/api/v1/notifications/preferences", userToken(user)).json().get("categories")
                .toString();
        assertThat(settings).contains("{\"category\":\"digest\",\"enabled\":false,\"locked\":false}")
                .contains("{\"category\":\"product\",\"enabled\":true,\"locked\":false}");
        assertThat(mail().messagesTo(address)).hasSize(1);
    }

    @Test
    void userDeletedErasesTheDigestRows() {
        String zone = dayZone();
        UUID user = optedIn(email(), "en", zone);
        workout(user, EventTypes.WORKOUT_RECORDED, UUID.randomUUID(), zone, MONDAY, "swim-pool", 1500, 1800, 0,
                Instant.now());
        await(() -> counted(user) == 1, "workout projected");
        scheduler.runOnce(mondayAfter(zone, 9, 0));
        assertThat(decidedWorkouts(user)).isEqualTo(1);

        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, user.toString(), codec.write(codec.envelope(
                EventTypes.USER_DELETED, 1, Services.GATEWAY, user.toString(), new UserDeleted(user), null)));

        await(() -> !recipientKnown(user), "user erased");
        assertThat(jdbc.sql("select count(*) from digest_workout where user_id = :id").param("id", user)
                .query(Integer.class).single()).isZero();
        assertThat(decidedWorkouts(user)).isNull();
        assertThat(digestMessages(user)).isZero();
    }

    @Test
    void theDueWeekIsLastWeekFromMondayMorningInTheUsersZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalTime eight = LocalTime.of(8, 0);
        Instant mondayEarly = LocalDate.of(2026, 3, 30).atTime(7, 59).atZone(berlin).toInstant();

        assertThat(DigestWeek.due(mondayEarly, berlin, eight)).isEmpty();
        DigestWeek dst = DigestWeek.due(mondayEarly.plusSeconds(60), berlin, eight).orElseThrow();
        assertThat(dst.isoWeek()).isEqualTo("2026-W13");
        // clocks went forward on Sunday 29 March: that week is an hour short
        assertThat(java.time.Duration.between(dst.start(), dst.end())).hasHours(167);
        DigestWeek sunday = DigestWeek.due(LocalDate.of(2026, 4, 5).atTime(23, 0).atZone(berlin).toInstant(), berlin,
                eight).orElseThrow();
        assertThat(sunday.isoWeek()).isEqualTo("2026-W13");
        // the last week of 2026 is its 53rd ISO week
        assertThat(DigestWeek.due(LocalDate.of(2027, 1, 4).atTime(9, 0).atZone(berlin).toInstant(), berlin, eight)
                .orElseThrow().isoWeek()).isEqualTo("2026-W53");
        assertThat(List.of(dst.monday(), dst.sunday())).containsExactly(LocalDate.of(2026, 3, 23),
                LocalDate.of(2026, 3, 29));
    }
}
