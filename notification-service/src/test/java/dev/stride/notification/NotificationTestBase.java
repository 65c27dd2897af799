package dev.stride.notification;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestKafka;
import dev.stride.kit.test.TestTokens;

/**
 * Shared by every test class of the service, so all of them run in one Spring context: starts the
 * JVM-wide GreenMail and sets the mail, unsubscribe-key and fast-retry properties before the
 * context starts.
 */
@StrideServiceTest
public abstract class NotificationTestBase {

    static {
        MailServer mail = MailServer.get();
        System.setProperty("spring.mail.host", "127.0.0.1");
        System.setProperty("spring.mail.port", String.valueOf(mail.port()));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        System.setProperty("stride.notifications.unsubscribe-key", Base64.getEncoder().encodeToString(key));
        System.setProperty("stride.notifications.public-base-url", "https://stride.test");
        System.setProperty("stride.notifications.from", "Stride <no-reply@stride.test>");
        System.setProperty("stride.notifications.reply-to", "support@stride.test");
        System.setProperty("stride.notifications.message-id-domain", "mail.stride.test");
        System.setProperty("stride.notifications.delivery.poll-interval", "200ms");
        System.setProperty("stride.notifications.delivery.retry-initial", "300ms");
        System.setProperty("stride.notifications.delivery.retry-max", "2s");
        System.setProperty("stride.notifications.delivery.recipient-poll", "300ms");
        System.setProperty("stride.notifications.delivery.recipient-wait", "8s");
        // digest tests run the job themselves at chosen instants; the scheduled run (real time) stays out of their way
        System.setProperty("stride.notifications.digest.interval", "1h");
    }

    protected static final Duration WAIT = Duration.ofSeconds(45);

    @LocalServerPort
    protected int port;

    @Value("${spring.embedded.kafka.brokers}")
    protected String brokers;

    @Autowired
    protected JdbcClient jdbc;

    protected final EventCodec codec = new EventCodec();

    protected MailServer mail() {
        return MailServer.get();
    }

    protected TestHttp http() {
        return TestHttp.localhost(port);
    }

    protected static String userToken(UUID user) {
        return TestTokens.get().user(user);
    }

    protected static String adminToken() {
        return TestTokens.get().user(UUID.randomUUID(), List.of("ADMIN"));
    }

    protected static String email() {
        return "u" + UUID.randomUUID().toString().replace("-", "") + "@example.org";
    }

    /** Publishes user-registered and waits until the projection has the user. */
    protected UUID register(String email, String locale, String zone) {
        return register(UUID.randomUUID(), email, locale, zone);
    }

    /** Like {@link #register(String, String, String)} for a given user id. */
    protected UUID register(UUID user, String email, String locale, String zone) {
        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, user.toString(), codec.write(codec.envelope(
                EventTypes.USER_REGISTERED, 1, Services.GATEWAY, user.toString(),
                new UserRegistered(user, email, "Мария", locale, zone), null)));
        TestKafka.await(() -> recipientKnown(user), WAIT);
        return user;
    }

    protected boolean recipientKnown(UUID user) {
        return jdbc.sql("select count(*) from recipient where user_id = :id").param("id", user)
                .query(Integer.class).single() > 0;
    }

    protected void setPreferences(UUID user, Map<String, Boolean> categories) {
        var answer = http().put("/api/v1/notifications/preferences", userToken(user), Map.of("categories", categories));
        if (answer.status() != 200) {
            throw new AssertionError("preferences: " + answer.status() + " " + answer.body());
        }
    }

    protected String request(UUID user, String category, String template, Map<String, String> parameters) {
        String key = "test-" + UUID.randomUUID();
        request(user, category, template, parameters, key, null);
        return key;
    }

    protected void request(UUID user, String category, String template, Map<String, String> parameters, String key,
            Instant notBefore) {
        publishRaw(user.toString(), codec.write(codec.envelope(EventTypes.NOTIFICATION_REQUESTED, 1, Services.WORKOUT,
                user.toString(), new NotificationRequested(user, category, template, parameters, key, notBefore), null)));
    }

    /** A producer for streams of records (one per call to {@link TestKafka#send} is too slow for hundreds). */
    protected KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    protected void publishRaw(String key, String value) {
        new TestKafka(brokers).send(Topics.NOTIFICATION_REQUESTS, key, value);
    }

    /** The dead-lettered request whose value contains {@code key}, or null. */
    protected static ConsumerRecord<String, String> find(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> r.value().contains(key)).findFirst().orElse(null);
    }

    /** The reason spring-kafka's dead-letter recoverer put in the header. */
    protected static String reasonOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("kafka_dlt-exception-message");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    protected String status(String key) {
        return jdbc.sql("select status from message where idempotency_key = :key").param("key", key)
                .query(String.class).optional().orElse(null);
    }

    protected String reason(String key) {
        return jdbc.sql("select reason from message where idempotency_key = :key").param("key", key)
                .query(String.class).optional().orElse(null);
    }

    protected UUID messageId(String key) {
        return jdbc.sql("select id from message where idempotency_key = :key").param("key", key)
                .query(UUID.class).single();
    }

    protected void awaitStatus(String key, String expected) {
        await(() -> expected.equals(status(key)), "status " + expected + " of " + key);
    }

    /** Like {@link TestKafka#await} but the failure shows the delivery log. */
    protected void await(java.util.function.BooleanSupplier condition, String what) {
        try {
            TestKafka.await(condition, WAIT);
        }
        catch (AssertionError ex) {
            throw new AssertionError(what + " not reached; delivery log: " + deliveryLog(), ex);
        }
    }

    protected List<MimeMessage> awaitMails(String email, int count) {
        try {
            TestKafka.await(() -> mail().messagesTo(email).size() >= count, WAIT);
        }
        catch (AssertionError ex) {
            throw new AssertionError("expected " + count + " mails to " + email + ", got "
                    + mail().messagesTo(email).size() + "; delivery log: " + deliveryLog(), ex);
        }
        return mail().messagesTo(email);
    }

    protected String deliveryLog() {
        return jdbc.sql("select template_id || ' ' || status || ' ' || coalesce(reason, '') || ' attempts='"
                + " || attempts from message order by created_at desc limit 20").query(String.class).list().toString();
    }

    /** A zone where it is now between 10:00 and 18:59 local time: outside quiet hours for a while. */
    protected static String dayZone() {
        return zoneWithHourBetween(10, 18);
    }

    /** A zone where it is now between 01:00 and 04:59 local time: inside quiet hours for a while. */
    protected static String nightZone() {
        return zoneWithHourBetween(1, 4);
    }

    private static String zoneWithHourBetween(int from, int to) {
        Instant now = Instant.now();
        return ZoneId.getAvailableZoneIds().stream().sorted().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).filter(z -> {
                    int hour = ZonedDateTime.ofInstant(now, ZoneId.of(z)).getHour();
                    return hour >= from && hour <= to;
                }).findFirst().orElseThrow();
    }
}
