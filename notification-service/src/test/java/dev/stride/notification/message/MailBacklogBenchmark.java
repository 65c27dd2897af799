package dev.stride.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.icegreen.greenmail.store.StoredMessage;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestKafka;
import dev.stride.notification.NotificationTestBase;
import dev.stride.notification.recipient.Category;

/**
 * Benchmark of issue 5: a backlog of 10,000 requests for 3,000 projected recipients drained into a
 * local SMTP server (GreenMail), with loss and duplicates counted at the server. Not part of the
 * normal test run (surefire excludes the {@code benchmark} tag); run it with
 * {@code ./mvnw -B -o -pl notification-service test -Pmail-benchmark} (see docs/performance.md).
 *
 * <p>Two phases of 10,000 requests each: (1) delivery is held (the worker pool stopped) while the
 * requests go onto the topic and the intake records them as QUEUED, then the pool starts; (2) the
 * request consumer and the pool are both held while the requests go onto the topic, then both start.
 * Each phase is measured from the first to the last mail the SMTP server received, and from the
 * release to the last mail. Quiet hours are avoided with a recipient time zone where it is day;
 * marketing mail (opt-in, capped) is left out.
 */
@Tag("benchmark")
@StrideServiceTest
class MailBacklogBenchmark extends NotificationTestBase {

    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 10_000);
    private static final int RECIPIENTS = Integer.getInteger("benchmark.recipients", 3_000);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(15);

    @Autowired
    DeliveryWorker worker;
    @Autowired
    NotificationProperties properties;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void drainsTheBacklogIntoTheSmtpServerWithoutLossOrDuplicates() throws Exception {
        List<UUID> users = registerRecipients();

        // 1. the backlog is in the delivery log: the intake recorded it while delivery was held
        String queuedRun = run();
        Instant released;
        double intakeSeconds;
        worker.stop();
        try {
            long start = System.nanoTime();
            publish(users, queuedRun);
            TestKafka.await(() -> count("select count(*) from message where idempotency_key like :run", queuedRun)
                    == REQUESTS, DRAIN_LIMIT);
            intakeSeconds = (System.nanoTime() - start) / 1e9;
        }
        finally {
            released = Instant.now();
            worker.start();
        }
        Drain queued = awaitDrain(queuedRun, released);

        // 2. the backlog is on the topic: the request consumer and delivery were both held
        String topicRun = run();
        MessageListenerContainer consumer = listeners.getAllListenerContainers().stream()
                .filter(c -> NotificationIntake.GROUP.equals(c.getGroupId())).findFirst().orElseThrow();
        worker.stop();
        consumer.stop();
        try {
            publish(users, topicRun);
        }
        finally {
            released = Instant.now();
            consumer.start();
            worker.start();
        }
        Drain topic = awaitDrain(topicRun, released);

        System.out.printf("""

                ==== notification mail backlog benchmark ====
                requests %,d per phase for %,d recipients, every account and product template (en/ru)
                workers %d, batch %d
                intake alone (topic -> QUEUED, delivery held): %.1f s = %.0f requests/s
                1. backlog QUEUED, delivery released: %s
                2. backlog on the topic, consumer and delivery released: %s
                =============================================
                %n""", REQUESTS, users.size(), properties.delivery().threads(), properties.delivery().batchSize(),
                intakeSeconds, REQUESTS / intakeSeconds, queued, topic);

        for (Drain drain : List.of(queued, topic)) {
            assertThat(drain.rows()).hasSize(REQUESTS);
            assertThat(drain.sent()).as("rows SENT").isEqualTo(REQUESTS);
            assertThat(drain.received()).as("mails of the run at the server").hasSize(REQUESTS);
            assertThat(drain.receivedIds()).as("distinct Message-IDs at the server").isEqualTo(drain.rows());
        }
    }

    /**
     * What one phase delivered, counted at the server.
     *
     * @param rows        the Message-IDs of the run's rows in the delivery log
     * @param received    receive times of the server's mails whose Message-ID is one of {@code rows}
     * @param receivedIds their distinct Message-IDs
     */
    private record Drain(Set<String> rows, int sent, List<Instant> received, Set<String> receivedIds, Instant released,
            String loadAtRelease, String loadAtEnd) {

        @Override
        public String toString() {
            Instant first = received.get(0);
            Instant last = received.get(received.size() - 1);
            double sustained = Duration.between(first, last).toMillis() / 1000.0;
            double drain = Duration.between(released, last).toMillis() / 1000.0;
            return String.format("""
                    first to last mail at the server %.1f s = %.0f mails/s sustained, release to last mail %.1f s = %.0f mails/s
                       at the server %,d mails of the run, %,d distinct Message-IDs, %,d expected
                       load average (1, 5, 15 min) at release %s, at the end %s""",
                    sustained, (received.size() - 1) / sustained, drain, received.size() / drain, received.size(),
                    receivedIds.size(), rows.size(), loadAtRelease, loadAtEnd);
        }
    }

    private static String run() {
        return "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** {@link #REQUESTS} requests, keyed by recipient, every account and product template in turn. */
    private void publish(List<UUID> users, String run) throws Exception {
        List<TemplateCatalog.Spec> templates = TemplateCatalog.all().stream()
                .filter(spec -> spec.category() != Category.MARKETING).toList();
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                UUID user = users.get(i % users.size());
                TemplateCatalog.Spec spec = templates.get(i % templates.size());
                NotificationRequested request = new NotificationRequested(user, spec.category().wireName(), spec.id(),
                        spec.sample(), run + i, null);
                sent.add(producer.send(new ProducerRecord<>(Topics.NOTIFICATION_REQUESTS, user.toString(), codec.write(
                        codec.envelope(EventTypes.NOTIFICATION_REQUESTED, 1, Services.WORKOUT, user.toString(),
                                request, null)))));
            }
            for (Future<RecordMetadata> record : sent) {
                record.get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until every request of the run is recorded and none is pending, then counts at the server. */
    private Drain awaitDrain(String run, Instant released) {
        String loadAtRelease = loadAverage();
        TestKafka.await(() -> count("select count(*) from message where idempotency_key like :run", run) == REQUESTS
                && count("select count(*) from message where idempotency_key like :run"
                        + " and status in ('QUEUED', 'RETRYING')", run) == 0, DRAIN_LIMIT);
        String loadAtEnd = loadAverage();
        Set<String> rows = new HashSet<>(jdbc.sql("select id from message where idempotency_key like :run")
                .param("run", run + "%").query(UUID.class).list().stream()
                .map(id -> "<" + id + "@" + properties.messageIdDomain() + ">").toList());
        List<Instant> received = new ArrayList<>();
        Set<String> receivedIds = new HashSet<>();
        for (StoredMessage stored : mail().stored()) {
            String id = messageId(stored);
            if (rows.contains(id)) {
                received.add(stored.getReceivedDate().toInstant());
                receivedIds.add(id);
            }
        }
        received.sort(null);
        int sent = count("select count(*) from message where idempotency_key like :run and status = 'SENT'", run);
        return new Drain(rows, sent, received, receivedIds, released, loadAtRelease, loadAtEnd);
    }

    /** Publishes user-registered for {@link #RECIPIENTS} users and waits until the projection has them all. */
    private List<UUID> registerRecipients() throws Exception {
        String zone = dayZone();
        int before = jdbc.sql("select count(*) from recipient").query(Integer.class).single();
        List<UUID> users = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < RECIPIENTS; i++) {
                UUID user = UUID.randomUUID();
                users.add(user);
                sent.add(producer.send(new ProducerRecord<>(Topics.IDENTITY_EVENTS, user.toString(), codec.write(
                        codec.envelope(EventTypes.USER_REGISTERED, 1, Services.GATEWAY, user.toString(),
                                new UserRegistered(user, email(), "Runner " + i, i % 3 == 0 ? "ru" : "en", zone),
                                null)))));
            }
            for (Future<RecordMetadata> record : sent) {
                record.get(30, TimeUnit.SECONDS);
            }
        }
        TestKafka.await(() -> jdbc.sql("select count(*) from recipient").query(Integer.class).single()
                >= before + RECIPIENTS, DRAIN_LIMIT);
        return users;
    }

    private int count(String sql, String run) {
        return jdbc.sql(sql).param("run", run + "%").query(Integer.class).single();
    }

    private static String messageId(StoredMessage stored) {
        try {
            return stored.getMimeMessage().getMessageID();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        }
        catch (IOException ex) {
            return "unknown";
        }
    }
}
