package dev.stride.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.kit.test.KafkaBrokerProcess;
import dev.stride.kit.test.StrideTestEnvironment;
import dev.stride.kit.test.TestKafka;

/**
 * The outbox, the idempotent consumer and the dead-letter policy against real PostgreSQL and a
 * real Kafka broker process that the tests stop and start.
 */
class ReliableEventsTest {

    private static final EventCodec codec = new EventCodec();
    private static KafkaBrokerProcess broker;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void startBrokerAndService() throws Exception {
        Path dir = Files.createTempDirectory("stride-kit-kafka");
        int port = FreePorts.pair();
        broker = KafkaBrokerProcess.start(dir, port, System.getProperty("java.class.path"), "-Xmx384m",
                Duration.ofSeconds(90));
        context = startService();
    }

    @AfterAll
    static void stopAll() {
        if (context != null) {
            context.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    static ConfigurableApplicationContext startService() {
        return new SpringApplicationBuilder(KitTestApplication.class)
                .initializers(new StrideTestEnvironment())
                .properties("spring.kafka.bootstrap-servers=" + broker.bootstrapServers())
                .run();
    }

    @Test
    void eventOfRolledBackTransactionIsNeverPublished() {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();

        inTransaction(context, publisher -> {
            publisher.publish(Topics.IDENTITY_EVENTS, envelope(rolledBack));
            throw new RollbackMarker();
        });
        inTransaction(context, publisher -> publisher.publish(Topics.IDENTITY_EVENTS, envelope(committed)));

        List<EventEnvelope> seen = readUntil(Topics.IDENTITY_EVENTS, events -> contains(events, committed));
        assertThat(seen).extracting(EventEnvelope::eventId).doesNotContain(rolledBack);
        assertThat(relay(context).pending()).isZero();
    }

    @Test
    void committedEventArrivesExactlyOnceAfterBrokerOutage() throws Exception {
        UUID event = UUID.randomUUID();
        broker.stop();
        try {
            inTransaction(context, publisher -> publisher.publish(Topics.IDENTITY_EVENTS, envelope(event)));
            awaitTrue(() -> attemptsOf(event) >= 1, Duration.ofSeconds(60));
            assertThat(relay(context).pending()).isPositive();
        }
        finally {
            broker.startAndWait(Duration.ofSeconds(90));
        }

        awaitTrue(() -> relay(context).pending() == 0, Duration.ofSeconds(90));
        List<EventEnvelope> seen = readUntil(Topics.IDENTITY_EVENTS, events -> contains(events, event));
        assertThat(seen).filteredOn(e -> e.eventId().equals(event)).hasSize(1);
    }

    @Test
    void committedEventIsPublishedAfterServiceRestartsBeforeRelaying() {
        UUID event = UUID.randomUUID();
        ConfigurableApplicationContext first = startService();
        OutboxRelay firstRelay = relay(first);
        firstRelay.stop(); // the "crash": committed, never relayed by this instance
        relay(context).stop(); // keep the shared instance out of it, too
        try {
            inTransaction(first, publisher -> publisher.publish(Topics.IDENTITY_EVENTS, envelope(event)));
            assertThat(firstRelay.pending()).isEqualTo(1);
            first.close();

            ConfigurableApplicationContext second = startService();
            try {
                awaitTrue(() -> relay(second).pending() == 0, Duration.ofSeconds(60));
            }
            finally {
                second.close();
            }
        }
        finally {
            relay(context).start();
        }
        List<EventEnvelope> seen = readUntil(Topics.IDENTITY_EVENTS, events -> contains(events, event));
        assertThat(seen).filteredOn(e -> e.eventId().equals(event)).hasSize(1);
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        EventPublisher publisher = context.getBean(EventPublisher.class);

        assertThatThrownBy(() -> publisher.publish(Topics.IDENTITY_EVENTS, envelope(UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
    }

    @Test
    void consumerHandedTheSameEventTwiceAppliesItOnce() {
        EventEnvelope duplicate = envelope(UUID.randomUUID());
        EventEnvelope marker = envelope(UUID.randomUUID());
        String key = duplicate.subjectId();

        send(Topics.IDENTITY_EVENTS, key, codec.write(duplicate));
        send(Topics.IDENTITY_EVENTS, key, codec.write(duplicate));
        send(Topics.IDENTITY_EVENTS, key, codec.write(marker));

        awaitTrue(() -> appliedCount(marker.eventId()) == 1, Duration.ofSeconds(60));
        assertThat(appliedCount(duplicate.eventId())).isEqualTo(1);
    }

    @Test
    void idempotentConsumerRunsWorkOncePerEventAndConsumer() {
        IdempotentConsumer consumer = context.getBean(IdempotentConsumer.class);
        UUID event = UUID.randomUUID();
        List<String> runs = new ArrayList<>();

        assertThat(consumer.runOnce("a", event, () -> runs.add("a1"))).isTrue();
        assertThat(consumer.runOnce("a", event, () -> runs.add("a2"))).isFalse();
        assertThat(consumer.runOnce("b", event, () -> runs.add("b1"))).isTrue();

        assertThat(runs).containsExactly("a1", "b1");
    }

    @Test
    void failedWorkIsNotRecordedAsProcessed() {
        IdempotentConsumer consumer = context.getBean(IdempotentConsumer.class);
        UUID event = UUID.randomUUID();

        assertThatThrownBy(() -> consumer.runOnce("c", event, () -> {
            throw new IllegalStateException("database said no");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(consumer.runOnce("c", event, () -> { })).isTrue();
    }

    @Test
    void poisonMessageGoesToDeadLetterTopicWithoutBlockingItsPartition() throws Exception {
        String key = UUID.randomUUID().toString();
        EventEnvelope good = envelope(UUID.randomUUID());
        String poison = "{\"eventId\": \"not-a-uuid\", \"poison\": \"" + key + "\"}";

        send(Topics.IDENTITY_EVENTS, key, poison);
        send(Topics.IDENTITY_EVENTS, key, codec.write(good));

        awaitTrue(() -> appliedCount(good.eventId()) == 1, Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> dead = readRecordsUntil(Topics.deadLetter(Topics.IDENTITY_EVENTS),
                records -> records.stream().anyMatch(r -> r.value().equals(poison)));
        ConsumerRecord<String, String> record = dead.stream().filter(r -> r.value().equals(poison)).findFirst()
                .orElseThrow();
        Header reason = record.headers().lastHeader("kafka_dlt-exception-message");
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not a valid event envelope");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            var topics = admin.describeTopics(List.of(Topics.IDENTITY_EVENTS, Topics.deadLetter(Topics.IDENTITY_EVENTS)))
                    .allTopicNames().get();
            assertThat(topics.get(Topics.deadLetter(Topics.IDENTITY_EVENTS)).partitions())
                    .hasSameSizeAs(topics.get(Topics.IDENTITY_EVENTS).partitions());
        }
    }

    // --- helpers

    private static EventEnvelope envelope(UUID eventId) {
        UUID user = UUID.randomUUID();
        EventEnvelope base = codec.envelope(EventTypes.USER_DELETED, 1, "kit-test", user.toString(),
                new UserDeleted(user), Map.of());
        return new EventEnvelope(eventId, base.type(), base.version(), base.occurredAt(), base.producer(),
                base.subjectId(), base.payload(), base.traceContext());
    }

    private static void inTransaction(ConfigurableApplicationContext ctx,
            java.util.function.Consumer<EventPublisher> work) {
        TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
        EventPublisher publisher = ctx.getBean(EventPublisher.class);
        try {
            tx.executeWithoutResult(status -> work.accept(publisher));
        }
        catch (RollbackMarker expected) {
            // the transaction rolled back, as intended
        }
    }

    private static OutboxRelay relay(ConfigurableApplicationContext ctx) {
        return ctx.getBean(OutboxRelay.class);
    }

    private static int attemptsOf(UUID event) {
        return context.getBean(JdbcClient.class).sql("select coalesce(max(attempts), 0) from stride_outbox where event_id = :id")
                .param("id", event).query(Integer.class).single();
    }

    private static int appliedCount(UUID event) {
        return context.getBean(JdbcClient.class).sql("select count(*) from kit_test_applied where event_id = :id")
                .param("id", event).query(Integer.class).single();
    }

    private static void send(String topic, String key, String value) {
        new TestKafka(broker.bootstrapServers()).send(topic, key, value);
    }

    private static boolean contains(List<EventEnvelope> events, UUID id) {
        return events.stream().anyMatch(e -> e.eventId().equals(id));
    }

    private static List<EventEnvelope> readUntil(String topic, Predicate<List<EventEnvelope>> done) {
        List<ConsumerRecord<String, String>> records = readRecordsUntil(topic, rs -> done.test(parse(rs)));
        return parse(records);
    }

    private static List<EventEnvelope> parse(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> {
            try {
                return codec.read(r.value());
            }
            catch (RuntimeException notAnEnvelope) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).collect(Collectors.toList());
    }

    private static List<ConsumerRecord<String, String>> readRecordsUntil(String topic,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        return new TestKafka(broker.bootstrapServers()).readUntil(topic, done, Duration.ofSeconds(60));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) {
        TestKafka.await(condition, timeout);
    }

    private static final class RollbackMarker extends RuntimeException {
    }
}
